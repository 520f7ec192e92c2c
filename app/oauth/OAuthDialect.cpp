#include "OAuthDialect.h"

#include "GenericDialect.h"
#include "SalesforceDialect.h"
#include "VenafiDialect.h"

OAuthDialect::~OAuthDialect() = default;

std::unique_ptr<OAuthDialect> OAuthDialect::create(Dialect kind)
{
    switch (kind) {
    case Dialect::Venafi:
        return std::make_unique<VenafiDialect>();
    case Dialect::Salesforce:
        return std::make_unique<SalesforceDialect>();
    case Dialect::Generic:
        return std::make_unique<GenericDialect>();
    }
    return std::make_unique<GenericDialect>();
}
