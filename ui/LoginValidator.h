#pragma once

#include "AccountConfig.h"

#include <QCoreApplication>
#include <QList>

// Checks what the person typed before anything is sent: required fields per dialect, HTTPS
// (plain http only to a loopback literal, S-01) and the Venafi scope grammar. Pure, so every rule
// is a row in a test table.
class LoginValidator
{
    Q_DECLARE_TR_FUNCTIONS(LoginValidator)
public:
    enum class Field {
        Server,
        TokenEndpoint,
        RevocationEndpoint,
        ClientId,
        ClientSecret,
        Username,
        Password,
        Scope
    };
    struct Problem
    {
        Field field;
        QString message;
    };
    struct Input
    {
        Dialect dialect = Dialect::Generic;
        QString server; // as typed
        bool manualEndpoints = false; // generic: endpoints by hand instead of discovery
        QString tokenEndpoint;
        QString revocationEndpoint;
        QString clientId;
        bool hasClientSecret = false;
        QString username;
        bool hasPassword = false;
        bool needsPassword = true; // password sign-in (browser and device: on the server's page)
        QString scope;
    };

    // Problems in the order of the form; empty when the input may be sent.
    static QList<Problem> validate(const Input &input);
    static bool venafiScopeIsValid(const QString &scope);
    static bool needsClientSecret(Dialect dialect) { return dialect == Dialect::Salesforce; }
};
