#include "OAuthDialect.h"

OAuthDialect::~OAuthDialect() = default;
