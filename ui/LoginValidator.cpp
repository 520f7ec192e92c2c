#include "LoginValidator.h"

#include "ErrorText.h"
#include "OAuthDialect.h"

QList<LoginValidator::Problem> LoginValidator::validate(const Input &input)
{
    QList<Problem> out;
    for (const ConfigProblem &p : OAuthDialect::create(input.dialect)->validate(input))
        out.append({p.field, ErrorText::configProblem(p, input.dialect)});
    return out;
}
