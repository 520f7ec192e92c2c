#include "QrCode.h"

#include <qrencode.h>

#include <memory>

namespace QrCode {

QImage render(const QByteArray &text, int moduleSize)
{
    if (text.isEmpty() || moduleSize < 1)
        return {};
    // Medium error correction (15 %): readable from a screen with glare, still small for a URL.
    std::unique_ptr<QRcode, void (*)(QRcode *)> code(
            QRcode_encodeString8bit(text.constData(), 0, QR_ECLEVEL_M), QRcode_free);
    if (!code)
        return {};
    constexpr int quiet = 4; // modules of light margin on every side (ISO/IEC 18004 §6.3.8)
    const int width = code->width;
    const int side = (width + 2 * quiet) * moduleSize;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if (!(code->data[y * width + x] & 1)) // bit 0: dark module
                continue;
            for (int dy = 0; dy < moduleSize; ++dy) {
                uchar *line = image.scanLine((quiet + y) * moduleSize + dy);
                for (int dx = 0; dx < moduleSize; ++dx)
                    line[(quiet + x) * moduleSize + dx] = 0;
            }
        }
    }
    return image;
}

} // namespace QrCode
