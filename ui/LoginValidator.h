#pragma once

#include "ConfigProblem.h"

#include <QList>
#include <QString>

// The login dialog's side of account validation: the dialect's validate() decides (the same
// rules `tokenctl add` runs), ErrorText words each problem. Pure, so every rule is a row in a
// test table.
namespace LoginValidator {
using Field = ConfigProblem::Field;
using Input = AccountDraft;
struct Problem
{
    Field field;
    QString message;
};

// Problems in the order of the form; empty when the input may be sent.
QList<Problem> validate(const Input &input);
} // namespace LoginValidator
