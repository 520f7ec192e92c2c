#pragma once

#include "TrayStatus.h"

#include <QColor>
#include <QIcon>

// Icons for the tray and the account list. Uses the SVGs of tk_resources (":/icons/...") and
// draws a plain coloured circle when one is missing, so a packaging slip never hides the tray.
class TrayIconFactory
{
public:
    static QIcon icon(TrayStatus status);
    static QIcon appIcon();
    static QColor fallbackColor(TrayStatus status);
    static bool hasThemedIcon(TrayStatus status); // the SVG resource exists

private:
    static QIcon circle(const QColor &color);
};
