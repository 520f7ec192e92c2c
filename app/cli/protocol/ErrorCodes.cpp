#include "ErrorCodes.h"

namespace tkwire {

int exitCodeFor(const std::string &errorCode)
{
    if (errorCode.empty())
        return ExitOk;
    if (errorCode == code::kSignInRequired)
        return ExitSignInNeeded;
    if (errorCode == code::kKeychainLocked)
        return ExitKeychainLocked;
    if (errorCode == code::kOffline)
        return ExitOffline;
    if (errorCode == code::kDenied)
        return ExitDenied;
    if (errorCode == code::kBadRequest || errorCode == code::kInvalid)
        return ExitUsage;
    return ExitOther;
}

} // namespace tkwire
