// Build-time helper: renders an SVG to a square PNG of the given size, so hicolor PNG renditions
// are generated from the committed SVG instead of being committed as binaries.
//   usage: tk_svg2png <in.svg> <out.png|out.ico> <size>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // No QGuiApplication: raster painting into a QImage needs no platform plugin, which keeps the
    // tool usable in headless and packaging builds.
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    bool sizeOk = false;
    const int size = args.size() == 4 ? args.at(3).toInt(&sizeOk) : 0;
    if (!sizeOk || size < 1 || size > 4096) {
        err << "usage: tk_svg2png <in.svg> <out.png> <size>\n";
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err << "tk_svg2png: cannot parse " << args.at(1) << '\n';
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }
    // The format follows the suffix: .png for hicolor, .ico for the Windows installer.
    if (!image.save(args.at(2))) {
        err << "tk_svg2png: cannot write " << args.at(2) << '\n';
        return 1;
    }
    return 0;
}
