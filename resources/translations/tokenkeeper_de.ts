<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountListModel</name>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="115"/>
        <source>no token</source>
        <translation>kein Token</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="120"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="122"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="181"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="183"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="185"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="187"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="189"/>
        <source>Sign-in ends</source>
        <translation>Anmeldung endet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="191"/>
        <source>Last refresh</source>
        <translation>Letzte Erneuerung</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="193"/>
        <source>Next refresh</source>
        <translation>Nächste Erneuerung</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="195"/>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="197"/>
        <source>Last problem</source>
        <translation>Letztes Problem</translation>
    </message>
</context>
<context>
    <name>AccountText</name>
    <message>
        <location filename="../../ui/AccountText.cpp" line="21"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="23"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="25"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="27"/>
        <source>Renewing…</source>
        <translation>Wird erneuert…</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="29"/>
        <source>Retrying</source>
        <translation>Neuer Versuch folgt</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="31"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="33"/>
        <source>Sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="35"/>
        <source>Signing out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="37"/>
        <source>Settings need attention</source>
        <translation>Einstellungen prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="46"/>
        <source>Retrying %1</source>
        <translation>Neuer Versuch %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="48"/>
        <source>Signed in (the system clock looks wrong)</source>
        <translation>Angemeldet (die Systemuhr scheint falsch zu gehen)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="56"/>
        <source>%1 (estimated)</source>
        <translation>%1 (geschätzt)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="71"/>
        <source>; access token %1</source>
        <translation>; Zugriffstoken %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="73"/>
        <source>; sign-in ends %1</source>
        <translation>; Anmeldung endet %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="85"/>
        <source>the sign-in session ended</source>
        <translation>die Anmeldesitzung ist beendet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="88"/>
        <source>Your session with %1 ended — %2</source>
        <translation>Ihre Sitzung bei %1 ist beendet – %2</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="92"/>
        <source>Your session with %1 ended on %2 at %3 — %4</source>
        <translation>Ihre Sitzung bei %1 endete am %2 um %3 – %4</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="99"/>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="101"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="103"/>
        <source>Keyring locked</source>
        <translation>Schlüsselbund gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="105"/>
        <source>Access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="107"/>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="109"/>
        <source>Waiting for keyring</source>
        <translation>Warte auf Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="111"/>
        <source>Unreadable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="113"/>
        <source>This session only</source>
        <translation>Nur diese Sitzung</translation>
    </message>
</context>
<context>
    <name>ApprovalPrompt</name>
    <message>
        <location filename="../../ui/ApprovalPrompt.cpp" line="12"/>
        <source>Allow access to %1?</source>
        <translation>Zugriff auf %1 erlauben?</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalPrompt.cpp" line="18"/>
        <source>%1 asks for an access token for %2.

Program: %3
Started as: %4
Scopes: %5

Allow it only if you started it.</source>
        <translation>%1 möchte ein Zugriffstoken für %2.

Programm: %3
Gestartet als: %4
Berechtigungen: %5

Erlauben Sie es nur, wenn Sie es selbst gestartet haben.</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalPrompt.cpp" line="21"/>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalPrompt.cpp" line="24"/>
        <source>Allow &amp;once</source>
        <translation>&amp;Einmal erlauben</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalPrompt.cpp" line="26"/>
        <source>&amp;Always allow this program</source>
        <translation>Diesem Programm &amp;immer erlauben</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalPrompt.cpp" line="27"/>
        <source>&amp;Deny</source>
        <translation>&amp;Ablehnen</translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="48"/>
        <source>The sign-in session ended because the connection was interrupted during renewal. Sign in again.</source>
        <translation>Die Anmeldesitzung wurde beendet, weil die Verbindung während der Erneuerung unterbrochen wurde. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="53"/>
        <source>The sign-in session reached its maximum lifetime. Sign in again.</source>
        <translation>Die Anmeldesitzung hat ihre maximale Dauer erreicht. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="57"/>
        <source>The server no longer accepts your credentials (password changed or account deactivated). Sign in again.</source>
        <translation>Der Server akzeptiert Ihre Zugangsdaten nicht mehr (Passwort geändert oder Konto deaktiviert). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="62"/>
        <source>The sign-in session has ended (the refresh token expired or was revoked). Sign in again.</source>
        <translation>Die Anmeldesitzung ist beendet (das Aktualisierungstoken ist abgelaufen oder wurde widerrufen). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="68"/>
        <source>Username or password was rejected.</source>
        <translation>Benutzername oder Passwort wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="72"/>
        <source>The server is temporarily unavailable; retrying.</source>
        <translation>Der Server ist vorübergehend nicht verfügbar; ein neuer Versuch folgt.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="74"/>
        <source>The server cannot be reached; retrying.</source>
        <translation>Der Server ist nicht erreichbar; ein neuer Versuch folgt.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="78"/>
        <source>The server did not answer clearly; retrying.</source>
        <translation>Die Antwort des Servers war nicht eindeutig; ein neuer Versuch folgt.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="83"/>
        <source>The client ID or client secret was rejected. Check the account settings.</source>
        <translation>Die Client-ID oder das Client-Geheimnis wurde abgelehnt. Prüfen Sie die Kontoeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="87"/>
        <source>The token endpoint was not found. Check the server URL.</source>
        <translation>Der Token-Endpunkt wurde nicht gefunden. Prüfen Sie die Server-URL.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="90"/>
        <source>The server rejected the request as misconfigured. Check the account settings.</source>
        <translation>Der Server hat die Anfrage als fehlerhaft konfiguriert abgelehnt. Prüfen Sie die Kontoeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="96"/>
        <source>The requested scope is not allowed for this account.</source>
        <translation>Der angeforderte Scope ist für dieses Konto nicht erlaubt.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="100"/>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="103"/>
        <source>The endpoint redirected elsewhere; nothing was sent. Check the URL.</source>
        <translation>Der Endpunkt hat auf eine andere Adresse umgeleitet; es wurde nichts gesendet. Prüfen Sie die URL.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="107"/>
        <source>You are offline.</source>
        <translation>Sie sind offline.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="110"/>
        <source>The server rejected the access token.</source>
        <translation>Der Server hat das Zugriffstoken abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="113"/>
        <source>The token lacks the permission (scope) this call needs.</source>
        <translation>Dem Token fehlt die Berechtigung (Scope), die dieser Aufruf benötigt.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="117"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="120"/>
        <source>Secure storage is not available.</source>
        <translation>Der sichere Speicher ist nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../../app/core/Autostart.cpp" line="101"/>
        <source>Start at login is not supported on this platform.</source>
        <translation>Der Start bei der Anmeldung wird auf diesem System nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../../app/core/Autostart.cpp" line="106"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <location filename="../../app/store/CredentialStore.cpp" line="96"/>
        <source>Stored credentials not found in the current keyring; unlock it and retry</source>
        <translation>Gespeicherte Zugangsdaten wurden im aktuellen Schlüsselbund nicht gefunden; entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <location filename="../../app/store/CredentialStore.cpp" line="114"/>
        <source>Stored tokens belong to other account settings; ignored</source>
        <translation>Die gespeicherten Tokens gehören zu anderen Kontoeinstellungen und werden ignoriert</translation>
    </message>
</context>
<context>
    <name>Dialect</name>
    <message>
        <location filename="../../app/core/AccountConfig.cpp" line="22"/>
        <source>Venafi TPP</source>
        <translation>Venafi TPP</translation>
    </message>
    <message>
        <location filename="../../app/core/AccountConfig.cpp" line="24"/>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <location filename="../../app/core/AccountConfig.cpp" line="26"/>
        <source>OAuth 2.0</source>
        <translation>OAuth 2.0</translation>
    </message>
</context>
<context>
    <name>EndpointPolicy</name>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="26"/>
        <location filename="../../app/core/EndpointPolicy.cpp" line="54"/>
        <source>The URL must use https:// (plain http is only allowed to 127.0.0.1 or [::1]).</source>
        <translation>Die URL muss https:// verwenden (unverschlüsseltes http ist nur für 127.0.0.1 oder [::1] erlaubt).</translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="36"/>
        <source>The URL is empty.</source>
        <translation>Die URL ist leer.</translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="38"/>
        <source>The URL is not valid: %1</source>
        <translation>Die URL ist ungültig: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="41"/>
        <source>The URL has no host name.</source>
        <translation>Die URL enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="43"/>
        <source>The URL must not contain a user name or password.</source>
        <translation>Die URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="46"/>
        <source>The URL must not contain a fragment (#...).</source>
        <translation>Die URL darf kein Fragment (#…) enthalten.</translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="58"/>
        <source>Unsupported URL scheme &quot;%1&quot;; use https://.</source>
        <translation>Nicht unterstütztes URL-Schema „%1“; verwenden Sie https://.</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="90"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="92"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="94"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>GenericDialect</name>
    <message>
        <location filename="../../app/oauth/GenericDialect.cpp" line="199"/>
        <source>Enter the issuer URL (for discovery) or the token endpoint.</source>
        <translation>Geben Sie die Issuer-URL (für die automatische Erkennung) oder den Token-Endpunkt ein.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/GenericDialect.cpp" line="214"/>
        <source>Enter the client ID.</source>
        <translation>Geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/GenericDialect.cpp" line="216"/>
        <source>Enter the user name.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/GenericDialect.cpp" line="218"/>
        <source>The scope must be names separated by single spaces.</source>
        <translation>Der Scope muss aus Namen bestehen, die durch einzelne Leerzeichen getrennt sind.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="20"/>
        <location filename="../../ui/LoginDialog.cpp" line="21"/>
        <location filename="../../ui/LoginDialog.cpp" line="124"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="44"/>
        <source>Why a sign-in is needed</source>
        <translation>Warum eine Anmeldung nötig ist</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="54"/>
        <source>Venafi TPP</source>
        <translation>Venafi TPP</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="55"/>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="56"/>
        <source>Other OAuth 2.0 server</source>
        <translation>Anderer OAuth-2.0-Server</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="57"/>
        <source>Account type</source>
        <translation>Kontotyp</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="58"/>
        <source>Account &amp;type:</source>
        <translation>Konto&amp;typ:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="63"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="63"/>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="64"/>
        <source>Optional, e.g. Production</source>
        <translation>Optional, z. B. Produktion</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="65"/>
        <location filename="../../ui/LoginDialog.cpp" line="149"/>
        <source>Ser&amp;ver URL:</source>
        <translation>Ser&amp;ver-URL:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="65"/>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="66"/>
        <source>Enter endpoints by &amp;hand (no discovery)</source>
        <translation>Endpunkte von &amp;Hand eingeben (ohne automatische Erkennung)</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="67"/>
        <source>Enter endpoints by hand</source>
        <translation>Endpunkte von Hand eingeben</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="70"/>
        <source>T&amp;oken endpoint:</source>
        <translation>T&amp;oken-Endpunkt:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="70"/>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="71"/>
        <source>Re&amp;vocation endpoint:</source>
        <translation>&amp;Widerrufs-Endpunkt:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="71"/>
        <source>Revocation endpoint</source>
        <translation>Widerrufs-Endpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="72"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="73"/>
        <location filename="../../ui/LoginDialog.cpp" line="151"/>
        <location filename="../../ui/LoginDialog.cpp" line="164"/>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="73"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="74"/>
        <location filename="../../ui/LoginDialog.cpp" line="165"/>
        <source>Client s&amp;ecret:</source>
        <translation>Client-G&amp;eheimnis:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="74"/>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="76"/>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="76"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="77"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="77"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="79"/>
        <source>&amp;Requested scope:</source>
        <translation>Angeforderter &amp;Scope:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="79"/>
        <source>Requested scope</source>
        <translation>Angeforderter Scope</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="82"/>
        <source>Scope syntax</source>
        <translation>Scope-Syntax</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="86"/>
        <source>Re&amp;member my password for automatic sign-in</source>
        <translation>Passwort für die automatische Anmeldung &amp;merken</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="87"/>
        <source>Remember my password for automatic sign-in</source>
        <translation>Passwort für die automatische Anmeldung merken</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="91"/>
        <source>If stored in the keychain, Tokenkeeper can sign in again by itself when the session ends. Not storing it is safer, but you will be asked again then.</source>
        <translation>Ist es im Schlüsselbund gespeichert, kann sich Tokenkeeper nach dem Ende der Sitzung selbst erneut anmelden. Ohne Speichern ist es sicherer, aber Sie werden dann erneut gefragt.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="95"/>
        <source>About remembering the password</source>
        <translation>Zum Merken des Passworts</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="102"/>
        <source>Sign-in problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="112"/>
        <source>Signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="113"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="114"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="122"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="125"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="152"/>
        <source>Syntax: certificate:manage,revoke;configuration:manage</source>
        <translation>Syntax: certificate:manage,revoke;configuration:manage</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="159"/>
        <source>Optional; space-separated, e.g. api refresh_token</source>
        <translation>Optional; durch Leerzeichen getrennt, z. B. api refresh_token</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="166"/>
        <source>Optional; space-separated, e.g. openid offline_access</source>
        <translation>Optional; durch Leerzeichen getrennt, z. B. openid offline_access</translation>
    </message>
    <message>
        <source>Venafi syntax: certificate:manage,revoke;configuration:manage</source>
        <translation type="vanished">Venafi-Syntax: certificate:manage,revoke;configuration:manage</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="155"/>
        <source>&amp;Login host:</source>
        <translation>&amp;Login-Host:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="157"/>
        <source>Consumer &amp;key:</source>
        <translation>Consumer-&amp;Key:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="158"/>
        <source>Consumer s&amp;ecret:</source>
        <translation>Consumer-S&amp;ecret:</translation>
    </message>
    <message>
        <source>Optional. Space-separated, e.g. api refresh_token</source>
        <translation type="vanished">Optional. Durch Leerzeichen getrennt, z. B. api refresh_token</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="162"/>
        <source>&amp;Issuer URL:</source>
        <translation>&amp;Issuer-URL:</translation>
    </message>
    <message>
        <source>Optional. Space-separated, e.g. openid offline_access</source>
        <translation type="vanished">Optional. Durch Leerzeichen getrennt, z. B. openid offline_access</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="173"/>
        <source>Stored in the keychain; leave empty to keep it</source>
        <translation>Im Schlüsselbund gespeichert; leer lassen, um es beizubehalten</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="174"/>
        <source>Only for confidential clients</source>
        <translation>Nur für vertrauliche Clients</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="207"/>
        <source>Sign in again — %1</source>
        <translation>Erneut anmelden – %1</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="356"/>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1 läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="366"/>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
</context>
<context>
    <name>LoginValidator</name>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="34"/>
        <source>Enter the issuer URL of the server.</source>
        <translation>Geben Sie die Issuer-URL des Servers ein.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="35"/>
        <source>Enter the server URL.</source>
        <translation>Geben Sie die Server-URL ein.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="38"/>
        <source>Enter the token endpoint URL.</source>
        <translation>Geben Sie die URL des Token-Endpunkts ein.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="43"/>
        <source>Enter the consumer key.</source>
        <translation>Geben Sie den Consumer Key ein.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="44"/>
        <source>Enter the client ID.</source>
        <translation>Geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="46"/>
        <source>Enter the consumer secret.</source>
        <translation>Geben Sie das Consumer Secret ein.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="48"/>
        <source>Enter your username.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="50"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="55"/>
        <source>Enter the scope, for example certificate:manage,revoke.</source>
        <translation>Geben Sie den Scope ein, zum Beispiel certificate:manage,revoke.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="59"/>
        <source>The scope must look like certificate:manage,revoke;configuration:manage (no spaces).</source>
        <translation>Der Scope muss wie certificate:manage,revoke;configuration:manage aussehen (ohne Leerzeichen).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="33"/>
        <source>Tokenkeeper main window</source>
        <translation>Tokenkeeper-Hauptfenster</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="73"/>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="73"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="74"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="74"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="75"/>
        <source>&amp;Refresh now</source>
        <translation>Jetzt a&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="75"/>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="76"/>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="76"/>
        <location filename="../../ui/MainWindow.cpp" line="266"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="77"/>
        <source>Re&amp;move account…</source>
        <translation>Konto &amp;entfernen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="77"/>
        <location filename="../../ui/MainWindow.cpp" line="282"/>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="78"/>
        <source>Retry &amp;keychain</source>
        <translation>Schlüsselbund erneut &amp;lesen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="78"/>
        <source>Retry reading the keychain</source>
        <translation>Schlüsselbund erneut lesen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="79"/>
        <source>Unlock your keyring, then read the stored session again</source>
        <translation>Entsperren Sie Ihren Schlüsselbund und lesen Sie dann die gespeicherte Sitzung erneut</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="83"/>
        <source>Start at &amp;login</source>
        <translation>Beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="84"/>
        <source>Start Tokenkeeper at login</source>
        <translation>Tokenkeeper beim Anmelden starten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="85"/>
        <source>Starts Tokenkeeper in the tray when you log in, so that tokens stay fresh</source>
        <translation>Startet Tokenkeeper beim Anmelden im Infobereich, damit die Token aktuell bleiben</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="103"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="116"/>
        <source>Event &amp;log (tokens and passwords are never recorded)</source>
        <translation>Ereignis&amp;protokoll (Tokens und Passwörter werden nie aufgezeichnet)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="117"/>
        <source>&amp;Copy log</source>
        <translation>Protokoll k&amp;opieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="117"/>
        <source>Copy log for a support request</source>
        <translation>Protokoll für eine Supportanfrage kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="123"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="139"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="229"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="245"/>
        <source>Revoke sign-in</source>
        <translation>Anmeldung widerrufen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="246"/>
        <source>Revoke the sign-in of “%1” at %2?

The server is asked to invalidate the tokens and they are deleted from this computer. You will need to sign in again to use this account.</source>
        <translation>Die Anmeldung von „%1“ bei %2 widerrufen?

Der Server wird gebeten, die Tokens ungültig zu machen, und sie werden von diesem Computer gelöscht. Um dieses Konto zu verwenden, müssen Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="250"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="260"/>
        <source>Signed out of “%1”. The server confirmed the revocation.</source>
        <translation>Von „%1“ abgemeldet. Der Server hat den Widerruf bestätigt.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="262"/>
        <source>Signed out of “%1” on this computer, but the server did not confirm the revocation: the token may stay valid until it expires.</source>
        <translation>Auf diesem Computer von „%1“ abgemeldet, aber der Server hat den Widerruf nicht bestätigt: Das Token bleibt möglicherweise gültig, bis es abläuft.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="283"/>
        <source>Remove “%1”?

Tokenkeeper first revokes its sign-in at %2, then deletes the account and everything stored for it.</source>
        <translation>„%1“ entfernen?

Tokenkeeper widerruft zuerst die Anmeldung bei %2 und löscht dann das Konto und alles, was dafür gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="286"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="310"/>
        <source>Event log copied to the clipboard.</source>
        <translation>Ereignisprotokoll in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="325"/>
        <source>Tokenkeeper keeps your tokens fresh from the tray. Use Quit in its menu to stop it.</source>
        <translation>Tokenkeeper hält Ihre Tokens weiter im Systembereich der Kontrollleiste aktuell. Zum Beenden wählen Sie „Beenden“ in seinem Menü.</translation>
    </message>
</context>
<context>
    <name>SalesforceDialect</name>
    <message>
        <location filename="../../app/oauth/SalesforceDialect.cpp" line="255"/>
        <source>Enter the consumer key (client ID) of the connected app.</source>
        <translation>Geben Sie den Consumer Key (Client-ID) der Connected App ein.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/SalesforceDialect.cpp" line="258"/>
        <source>Enter the user name.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/SalesforceDialect.cpp" line="265"/>
        <source>The assumed session timeout must be between 1 minute and 24 hours.</source>
        <translation>Das angenommene Sitzungs-Zeitlimit muss zwischen 1 Minute und 24 Stunden liegen.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../app/session/Session.cpp" line="169"/>
        <source>The server has no revocation endpoint; the tokens were deleted here only.</source>
        <translation>Der Server hat keinen Widerrufs-Endpunkt; die Tokens wurden nur auf diesem Computer gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/session/Session.cpp" line="385"/>
        <source>the connection was interrupted while the session was being renewed</source>
        <translation>die Verbindung wurde unterbrochen, während die Sitzung erneuert wurde</translation>
    </message>
    <message>
        <location filename="../../app/session/Session.cpp" line="388"/>
        <source>it reached its maximum lifetime</source>
        <translation>sie hat ihre maximale Dauer erreicht</translation>
    </message>
    <message>
        <location filename="../../app/session/Session.cpp" line="390"/>
        <source>the stored password was rejected</source>
        <translation>das gespeicherte Passwort wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/session/Session.cpp" line="392"/>
        <source>the server issued no refresh token</source>
        <translation>der Server hat kein Aktualisierungstoken ausgestellt</translation>
    </message>
    <message>
        <location filename="../../app/session/Session.cpp" line="394"/>
        <source>the stored tokens could not be read</source>
        <translation>die gespeicherten Token konnten nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../app/session/Session.cpp" line="396"/>
        <source>the server no longer accepts your credentials (password changed or account deactivated)</source>
        <translation>der Server akzeptiert Ihre Anmeldedaten nicht mehr (Passwort geändert oder Konto deaktiviert)</translation>
    </message>
    <message>
        <location filename="../../app/session/Session.cpp" line="400"/>
        <source>the refresh token expired or was revoked</source>
        <translation>das Aktualisierungstoken ist abgelaufen oder wurde widerrufen</translation>
    </message>
</context>
<context>
    <name>SessionState</name>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="34"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="36"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="38"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="40"/>
        <source>Refreshing…</source>
        <translation>Wird erneuert…</translation>
    </message>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="42"/>
        <source>Retrying</source>
        <translation>Neuer Versuch folgt</translation>
    </message>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="44"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="46"/>
        <source>Sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="48"/>
        <source>Signing out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../app/session/SessionTypes.cpp" line="50"/>
        <source>Needs attention</source>
        <translation>Eingriff nötig</translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <location filename="../../ui/SignInController.cpp" line="53"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
</context>
<context>
    <name>SignInErrorText</name>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="48"/>
        <source>The server said: “%1”</source>
        <translation>Der Server meldete: „%1“</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="57"/>
        <source>%1 did not accept this username or password. Check them and try again (repeated attempts may lock the account).</source>
        <translation>%1 hat diesen Benutzernamen oder dieses Passwort nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut (wiederholte Versuche können das Konto sperren).</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="62"/>
        <source>You are offline. Connect to the network and try again.</source>
        <translation>Sie sind offline. Stellen Sie eine Netzwerkverbindung her und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="64"/>
        <source>%1 is temporarily unavailable (status %2). Try again in a few minutes.</source>
        <translation>%1 ist vorübergehend nicht verfügbar (Status %2). Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="67"/>
        <source>Cannot reach %1. Check the server address and your network connection.</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie die Serveradresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="72"/>
        <source>The certificate of %1 is not trusted, so nothing was sent.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="75"/>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="77"/>
        <source>Compare the fingerprint with your administrator. If your organisation uses its own certificate authority, add it to the system&apos;s trusted certificates.</source>
        <translation>Gleichen Sie den Fingerabdruck mit Ihrer Administration ab. Wenn Ihre Organisation eine eigene Zertifizierungsstelle verwendet, fügen Sie diese den vertrauenswürdigen Zertifikaten des Systems hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="84"/>
        <source>The server redirected the sign-in to %1; nothing was sent. Check the server URL.</source>
        <translation>Der Server hat die Anmeldung auf %1 umgeleitet; es wurde nichts gesendet. Prüfen Sie die Server-URL.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="86"/>
        <source>another address</source>
        <translation>eine andere Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="89"/>
        <source>%1 did not accept the client ID or client secret. Check them with your administrator.</source>
        <translation>%1 hat die Client-ID oder das Client-Geheimnis nicht akzeptiert. Prüfen Sie beides mit Ihrer Administration.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="94"/>
        <source>No sign-in service was found at this address on %1. Check the server URL.</source>
        <translation>Unter dieser Adresse wurde auf %1 kein Anmeldedienst gefunden. Prüfen Sie die Server-URL.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="98"/>
        <source>This client is not allowed to sign in with a username and password on %1. Ask your administrator to allow it.</source>
        <translation>Dieser Client darf sich bei %1 nicht mit Benutzername und Passwort anmelden. Bitten Sie Ihre Administration, dies zu erlauben.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="102"/>
        <source>%1 rejected the sign-in request as misconfigured. Check the account settings.</source>
        <translation>%1 hat die Anmeldeanfrage als fehlerhaft konfiguriert abgelehnt. Prüfen Sie die Kontoeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="106"/>
        <source>The scope “%1” is not allowed for this user or client on %2. Request less, or ask your administrator.</source>
        <translation>Der Scope „%1“ ist für diesen Benutzer oder Client bei %2 nicht erlaubt. Fordern Sie weniger an oder wenden Sie sich an Ihre Administration.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../ui/SingleInstance.cpp" line="37"/>
        <source>Cannot create the private directory %1.</source>
        <translation>Das private Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../../ui/SingleInstance.cpp" line="47"/>
        <source>The directory %1 is not private (it must be mode 0700).</source>
        <translation>Das Verzeichnis %1 ist nicht privat (es muss die Rechte 0700 haben).</translation>
    </message>
</context>
<context>
    <name>StorageStatus</name>
    <message>
        <location filename="../../app/core/StorageStatus.cpp" line="32"/>
        <source>Saved in the system keychain</source>
        <translation>Im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../../app/core/StorageStatus.cpp" line="34"/>
        <source>Not saved: unlock your keyring, or you will need to sign in after a restart</source>
        <translation>Nicht gespeichert: Entsperren Sie Ihren Schlüsselbund, sonst müssen Sie sich nach einem Neustart erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../app/core/StorageStatus.cpp" line="38"/>
        <source>Keyring locked: unlock it to restore the session</source>
        <translation>Schlüsselbund gesperrt: Entsperren Sie ihn, um die Sitzung wiederherzustellen</translation>
    </message>
    <message>
        <location filename="../../app/core/StorageStatus.cpp" line="41"/>
        <source>Access to the keyring was denied</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert</translation>
    </message>
    <message>
        <location filename="../../app/core/StorageStatus.cpp" line="43"/>
        <source>Secure storage unavailable: tokens are kept for this session only</source>
        <translation>Sicherer Speicher nicht verfügbar: Die Tokens werden nur für diese Sitzung aufbewahrt</translation>
    </message>
    <message>
        <location filename="../../app/core/StorageStatus.cpp" line="47"/>
        <source>Waiting for the keyring to answer…</source>
        <translation>Warten auf Antwort des Schlüsselbunds…</translation>
    </message>
    <message>
        <location filename="../../app/core/StorageStatus.cpp" line="49"/>
        <source>Stored tokens could not be read; sign in again</source>
        <translation>Die gespeicherten Tokens konnten nicht gelesen werden; melden Sie sich erneut an</translation>
    </message>
    <message>
        <location filename="../../app/core/StorageStatus.cpp" line="52"/>
        <source>This session only (not saved)</source>
        <translation>Nur diese Sitzung (nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="14"/>
        <source>%1 d %2 h</source>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="14"/>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="18"/>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="18"/>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="21"/>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="22"/>
        <source>%1 s</source>
        <translation>%1 Sek.</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="29"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="31"/>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="32"/>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="48"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="50"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../ui/TrayController.cpp" line="21"/>
        <source>Tokenkeeper menu</source>
        <translation>Tokenkeeper-Menü</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="88"/>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="120"/>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="125"/>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="126"/>
        <source>Copy access token</source>
        <translation>Zugriffstoken kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="131"/>
        <source>Cleared from the clipboard after 30 seconds</source>
        <translation>Wird nach 30 Sekunden aus der Zwischenablage gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="133"/>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="138"/>
        <source>Open Tokenkeeper</source>
        <translation>Tokenkeeper öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="139"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="166"/>
        <source>Sign-in needed: %1</source>
        <translation>Anmeldung erforderlich: %1</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="167"/>
        <source>Click to sign in.</source>
        <translation>Zum Anmelden klicken.</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="179"/>
        <source>Sign-in ends soon: %1</source>
        <translation>Anmeldung endet bald: %1</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="180"/>
        <source>Your sign-in to %1 ends %2 (%3). Click to sign in again now and avoid an interruption.</source>
        <translation>Ihre Anmeldung bei %1 endet %2 (%3). Klicken Sie, um sich jetzt erneut anzumelden und eine Unterbrechung zu vermeiden.</translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="71"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="73"/>
        <source>All accounts signed in</source>
        <translation>Alle Konten angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="75"/>
        <source>Renewing tokens</source>
        <translation>Tokens werden erneuert</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="77"/>
        <source>A sign-in ends soon</source>
        <translation>Eine Anmeldung endet bald</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="79"/>
        <source>Offline or retrying</source>
        <translation>Offline oder neuer Versuch folgt</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="81"/>
        <source>Sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="83"/>
        <source>Keychain problem</source>
        <translation>Problem mit dem Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>TrayStatusRules</name>
    <message>
        <source>Not signed in</source>
        <translation type="vanished">Nicht angemeldet</translation>
    </message>
    <message>
        <source>All accounts signed in</source>
        <translation type="vanished">Alle Konten angemeldet</translation>
    </message>
    <message>
        <source>Renewing tokens</source>
        <translation type="vanished">Tokens werden erneuert</translation>
    </message>
    <message>
        <source>A sign-in ends soon</source>
        <translation type="vanished">Eine Anmeldung endet bald</translation>
    </message>
    <message>
        <source>Offline or retrying</source>
        <translation type="vanished">Offline oder neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation type="vanished">Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>Keychain problem</source>
        <translation type="vanished">Problem mit dem Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>VenafiDialect</name>
    <message>
        <location filename="../../app/oauth/VenafiDialect.cpp" line="290"/>
        <source>Enter the client ID (the API integration&apos;s application ID).</source>
        <translation>Geben Sie die Client-ID ein (die Application ID der API-Integration).</translation>
    </message>
    <message>
        <location filename="../../app/oauth/VenafiDialect.cpp" line="293"/>
        <source>Enter the user name.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/VenafiDialect.cpp" line="295"/>
        <source>Enter the scope, for example certificate:manage,revoke.</source>
        <translation>Geben Sie den Scope ein, zum Beispiel certificate:manage,revoke.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/VenafiDialect.cpp" line="298"/>
        <source>The scope must look like certificate:manage,revoke;configuration (no spaces).</source>
        <translation>Der Scope muss wie certificate:manage,revoke;configuration aussehen (ohne Leerzeichen).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="110"/>
        <source>Keeps OAuth 2.0 tokens fresh and safe.</source>
        <translation>Hält OAuth-2.0-Tokens aktuell und sicher.</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="115"/>
        <source>Start in the system tray without opening the window.</source>
        <translation>Im Systembereich der Kontrollleiste starten, ohne das Fenster zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="119"/>
        <source>Use the demo server at &lt;url&gt; with separate demo settings and keychain entries.</source>
        <translation>Den Demo-Server unter &lt;url&gt; mit eigenen Demo-Einstellungen und Schlüsselbund-Einträgen verwenden.</translation>
    </message>
</context>
</TS>
