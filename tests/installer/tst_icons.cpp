#include "ResourceNames.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTest>

// Tray and app icons must stay legible at tray sizes on light and dark panels. Each icon is
// rendered at 16..48 px; its opaque pixels must differ in luminance from both panel colours by a
// margin, and the renders are saved (TK_RENDER_DIR) so a person can look at them.
class tst_Icons : public QObject
{
    Q_OBJECT
public:
    static constexpr QRgb lightPanel = 0xfff0f0f0;
    static constexpr QRgb darkPanel = 0xff202020;
    // Mean |luma(icon pixel over panel) - luma(panel)| in 0..1, over pixels at least half opaque.
    // 0.20 is about the difference between #f0f0f0 and #bdbdbd: a mid-grey silhouette passes on
    // both panels, a near-white or near-black one fails on one of them.
    static constexpr double minContrast = 0.20;
    // At least this share of the square must be covered, or the icon is a speck at 16 px.
    static constexpr double minCoverage = 0.15;

    static double luma(QRgb c)
    {
        return (0.2126 * qRed(c) + 0.7152 * qGreen(c) + 0.0722 * qBlue(c)) / 255.0;
    }

    static QImage render(QSvgRenderer &renderer, int size)
    {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        return image;
    }

    static QImage onPanel(const QImage &icon, QRgb panel)
    {
        QImage out(icon.size(), QImage::Format_ARGB32_Premultiplied);
        out.fill(panel);
        QPainter painter(&out);
        painter.drawImage(0, 0, icon);
        painter.end();
        return out;
    }

    struct Stats
    {
        double coverage = 0;
        double contrast = 0;
    };
    static Stats measure(const QImage &icon, QRgb panel)
    {
        const QImage composed = onPanel(icon, panel);
        const double panelLuma = luma(panel);
        double sum = 0;
        int opaque = 0;
        for (int y = 0; y < icon.height(); ++y) {
            for (int x = 0; x < icon.width(); ++x) {
                if (qAlpha(icon.pixel(x, y)) < 128)
                    continue;
                ++opaque;
                sum += qAbs(luma(composed.pixel(x, y)) - panelLuma);
            }
        }
        Stats s;
        s.coverage = double(opaque) / (icon.width() * icon.height());
        s.contrast = opaque ? sum / opaque : 0;
        return s;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(QDir().mkpath(QStringLiteral(TK_RENDER_DIR))); }

    void legible_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("size");
        QStringList names{QStringLiteral("tokenkeeper")};
        const QStringList states = ResourceNames::trayStates();
        for (const QString &state : states)
            names << QStringLiteral("tray-") + state;
        for (const QString &name : std::as_const(names)) {
            for (int size : {16, 22, 24, 32, 48})
                QTest::addRow("%s@%d", qPrintable(name), size) << name << size;
        }
    }
    void legible()
    {
        QFETCH(QString, name);
        QFETCH(int, size);
        QSvgRenderer renderer(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
        QVERIFY(renderer.isValid());
        QVERIFY(!renderer.defaultSize().isEmpty());
        QCOMPARE(renderer.defaultSize().width(), renderer.defaultSize().height());

        const QImage icon = render(renderer, size);
        const QString stem =
                QStringLiteral(TK_RENDER_DIR "/") + name + QLatin1Char('-') + QString::number(size);
        QVERIFY(icon.save(stem + QStringLiteral(".png")));
        QVERIFY(onPanel(icon, lightPanel).save(stem + QStringLiteral("-light.png")));
        QVERIFY(onPanel(icon, darkPanel).save(stem + QStringLiteral("-dark.png")));

        for (const QRgb panel : {lightPanel, darkPanel}) {
            const Stats s = measure(icon, panel);
            const QByteArray what = name.toUtf8() + " @" + QByteArray::number(size) + " on #"
                    + QByteArray::number(panel & 0xffffff, 16) + ": coverage "
                    + QByteArray::number(s.coverage, 'f', 2) + ", contrast "
                    + QByteArray::number(s.contrast, 'f', 3);
            QVERIFY2(s.coverage >= minCoverage, what.constData());
            QVERIFY2(s.contrast >= minContrast, what.constData());
        }
    }

    void measureCatchesIllegibleIcons_data()
    {
        QTest::addColumn<QString>("svg");
        QTest::addColumn<bool>("passesLight");
        QTest::addColumn<bool>("passesDark");
        const QString disc =
                QStringLiteral("<svg xmlns='http://www.w3.org/2000/svg' width='16' height='16'>"
                               "<circle cx='8' cy='8' r='7' fill='%1'/></svg>");
        QTest::newRow("near white") << disc.arg(QStringLiteral("#e8e8e8")) << false << true;
        QTest::newRow("near black") << disc.arg(QStringLiteral("#262626")) << true << false;
        QTest::newRow("mid grey") << disc.arg(QStringLiteral("#808080")) << true << true;
        QTest::newRow("speck") << QStringLiteral("<svg xmlns='http://www.w3.org/2000/svg' "
                                                 "width='16' height='16'><circle cx='8' cy='8' "
                                                 "r='1.5' fill='#808080'/></svg>")
                               << false << false;
    }
    void measureCatchesIllegibleIcons()
    {
        // The check above must be able to fail: known-bad shapes are rejected.
        QFETCH(QString, svg);
        QFETCH(bool, passesLight);
        QFETCH(bool, passesDark);
        QSvgRenderer renderer(svg.toUtf8());
        QVERIFY(renderer.isValid());
        const QImage icon = render(renderer, 16);
        auto passes = [&](QRgb panel) {
            const Stats s = measure(icon, panel);
            return s.coverage >= minCoverage && s.contrast >= minContrast;
        };
        QCOMPARE(passes(lightPanel), passesLight);
        QCOMPARE(passes(darkPanel), passesDark);
    }

    void statesDifferBeyondColour()
    {
        // No two tray states may look alike in grey scale at 16 px: colour alone does not tell
        // states apart for colour-blind people or on monochrome panels.
        const QStringList states = ResourceNames::trayStates();
        QList<QImage> greys;
        for (const QString &state : states) {
            QSvgRenderer renderer(ResourceNames::trayIcon(state));
            greys << onPanel(render(renderer, 16), lightPanel)
                             .convertToFormat(QImage::Format_Grayscale8);
        }
        for (int i = 0; i < greys.size(); ++i) {
            for (int j = i + 1; j < greys.size(); ++j) {
                double diff = 0;
                for (int y = 0; y < 16; ++y) {
                    const uchar *a = greys.at(i).constScanLine(y);
                    const uchar *b = greys.at(j).constScanLine(y);
                    for (int x = 0; x < 16; ++x)
                        diff += qAbs(int(a[x]) - int(b[x])) / 255.0;
                }
                diff /= 256;
                const QString what = states.at(i) + QStringLiteral(" vs ") + states.at(j)
                        + QStringLiteral(": ") + QString::number(diff, 'f', 3);
                QVERIFY2(diff >= 0.04, qPrintable(what));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_Icons)
#include "tst_icons.moc"
