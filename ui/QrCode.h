#pragma once

#include <QByteArray>
#include <QImage>

// A QR code for the device sign-in's verification_uri_complete (RFC 8628 §3.3.1), so that a
// phone can open the page with the code already filled in. libqrencode does the encoding; this
// draws the modules. Always dark modules on a light background with the four-module quiet zone
// the standard asks for, whatever the palette: scanners need that contrast (a dark theme's
// inverted code does not scan on many phones).
namespace QrCode {
// An empty image when the text cannot be encoded (too long for a QR code, or empty).
QImage render(const QByteArray &text, int moduleSize = 4);
} // namespace QrCode
