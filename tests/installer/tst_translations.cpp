#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// Every user-visible string in the app must have a finished German translation that keeps the
// source's %N placeholders and its mnemonic. lupdate runs over the current sources into a temporary
// copy of the .ts, so strings added since the last scripts/update-translations.sh are caught too.
class tst_Translations : public QObject
{
    Q_OBJECT
public:
    struct Message
    {
        QString context;
        QString source;
        QString translation;
        QString location;
        bool unfinished = false;
        bool numerus = false;
    };

    // Reads the live (not vanished/obsolete) messages of a .ts document.
    static QList<Message> parse(const QByteArray &ts, QString *error)
    {
        QList<Message> out;
        QXmlStreamReader xml(ts);
        QString context;
        Message m;
        bool live = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const auto name = xml.name();
                if (name == QLatin1String("context")) {
                    context.clear();
                } else if (name == QLatin1String("name")) {
                    context = xml.readElementText();
                } else if (name == QLatin1String("message")) {
                    m = Message();
                    m.context = context;
                    m.numerus = xml.attributes().value(QLatin1String("numerus"))
                            == QLatin1String("yes");
                    live = true;
                } else if (name == QLatin1String("location") && m.location.isEmpty()) {
                    m.location = xml.attributes().value(QLatin1String("filename")).toString()
                            + QLatin1Char(':')
                            + xml.attributes().value(QLatin1String("line")).toString();
                } else if (name == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (name == QLatin1String("translation")) {
                    const auto type = xml.attributes().value(QLatin1String("type"));
                    if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                        live = false;
                    m.unfinished = type == QLatin1String("unfinished");
                    // Numerus forms are <numerusform> children; keep the text of all of them.
                    m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                if (live)
                    out << m;
                live = false;
            }
        }
        if (xml.hasError() && error)
            *error = xml.errorString();
        return out;
    }

    // What is wrong with one message, or an empty string.
    static QString problem(const Message &m)
    {
        if (m.unfinished || m.translation.trimmed().isEmpty())
            return QStringLiteral("not translated");
        static const QRegularExpression placeholder(QStringLiteral("%L?(\\d+)"));
        QStringList want, have;
        for (auto it = placeholder.globalMatch(m.source); it.hasNext();)
            want << it.next().captured(1);
        for (auto it = placeholder.globalMatch(m.translation); it.hasNext();)
            have << it.next().captured(1);
        if (m.numerus) {
            want.removeAll(QStringLiteral("n"));
            have.removeAll(QStringLiteral("n"));
        }
        want.removeDuplicates();
        have.removeDuplicates();
        want.sort();
        have.sort();
        if (want != have)
            return QStringLiteral("placeholders differ: source has {%1}, German has {%2}")
                    .arg(want.join(QLatin1Char(',')), have.join(QLatin1Char(',')));
        static const QRegularExpression mnemonic(QStringLiteral("&(?!&)[^\\s&]"));
        const bool srcMnemonic = m.source.contains(mnemonic);
        const bool trMnemonic = m.translation.contains(mnemonic);
        if (srcMnemonic != trMnemonic)
            return srcMnemonic ? QStringLiteral("mnemonic (&) missing in German")
                               : QStringLiteral("German has a mnemonic (&) the source lacks");
        return QString();
    }

private Q_SLOTS:
    void problem_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("translation");
        QTest::addColumn<bool>("unfinished");
        QTest::addColumn<bool>("ok");
        QTest::newRow("fine") << QStringLiteral("Save") << QStringLiteral("Speichern") << false
                              << true;
        QTest::newRow("unfinished")
                << QStringLiteral("Save") << QStringLiteral("Speichern") << true << false;
        QTest::newRow("empty") << QStringLiteral("Save") << QString() << false << false;
        QTest::newRow("placeholder kept") << QStringLiteral("%1 expires in %2")
                                          << QStringLiteral("%1 läuft in %2 ab") << false << true;
        QTest::newRow("placeholders reordered")
                << QStringLiteral("%1 of %2") << QStringLiteral("%2: %1") << false << true;
        QTest::newRow("placeholder lost") << QStringLiteral("%1 expires in %2")
                                          << QStringLiteral("%1 läuft bald ab") << false << false;
        QTest::newRow("mnemonic kept") << QStringLiteral("&Refresh now")
                                       << QStringLiteral("Jetzt &aktualisieren") << false << true;
        QTest::newRow("mnemonic lost") << QStringLiteral("&Refresh now")
                                       << QStringLiteral("Jetzt aktualisieren") << false << false;
        QTest::newRow("ampersand is text") << QStringLiteral("Sign in & out")
                                           << QStringLiteral("An- & abmelden") << false << true;
    }
    void problem()
    {
        QFETCH(QString, source);
        QFETCH(QString, translation);
        QFETCH(bool, unfinished);
        QFETCH(bool, ok);
        Message m;
        m.source = source;
        m.translation = translation;
        m.unfinished = unfinished;
        QCOMPARE(problem(m).isEmpty(), ok);
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ts = m_dir.filePath(QStringLiteral("tokenkeeper_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(TK_TS_FILE), m_ts));
        QFile::setPermissions(m_ts, QFile::ReadOwner | QFile::WriteOwner);

        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(TK_LUPDATE),
                      {QStringLiteral("@" TK_LUPDATE_LIST), QStringLiteral("-ts"), m_ts});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        m_log = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 qPrintable(m_log));
    }

    void everySourceStringIsTranslated()
    {
        QFile file(m_ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString parseError;
        const QList<Message> messages = parse(file.readAll(), &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        // The app has strings; an empty list means lupdate saw no sources (a broken list file).
        QVERIFY2(messages.size() >= 10, qPrintable(QString::number(messages.size())));

        QStringList failures;
        for (const Message &m : messages) {
            const QString why = problem(m);
            if (!why.isEmpty())
                failures << QStringLiteral("  [%1] \"%2\" (%3): %4")
                                    .arg(m.context, m.source, m.location, why);
        }
        if (!failures.isEmpty()) {
            const QString report = QString::number(failures.size())
                    + QStringLiteral(" string(s) need German; run scripts/update-translations.sh, "
                                     "translate in resources/translations/tokenkeeper_de.ts:\n")
                    + failures.join(QLatin1Char('\n'));
            QFAIL(qPrintable(report));
        }
    }

    void noStringIsHiddenFromLupdate()
    {
        // lupdate skips a tr() it cannot give a context to (e.g. a lambda named tr in a free
        // function); such strings can never be translated. README "Translations" has the fix.
        QStringList hidden;
        const QStringList lines = m_log.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (line.contains(QLatin1String("cannot be called without context")))
                hidden << QStringLiteral("  ") + line.trimmed();
        }
        if (!hidden.isEmpty())
            QFAIL(qPrintable(QString::number(hidden.size())
                             + QStringLiteral(" string(s) are invisible to lupdate:\n")
                             + hidden.join(QLatin1Char('\n'))));
    }

private:
    QTemporaryDir m_dir;
    QString m_ts;
    QString m_log;
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
