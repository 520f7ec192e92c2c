<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountListModel</name>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="115"/>
        <source>no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="120"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="122"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="160"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="162"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="164"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="166"/>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="168"/>
        <source>Sign-in ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="170"/>
        <source>Last refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="172"/>
        <source>Next refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="174"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="176"/>
        <source>Last problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountText</name>
    <message>
        <location filename="../../ui/AccountText.cpp" line="21"/>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="23"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="25"/>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="27"/>
        <source>Renewing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="29"/>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="31"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="33"/>
        <source>Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="35"/>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="37"/>
        <source>Settings need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="46"/>
        <source>Retrying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="48"/>
        <source>Signed in (the system clock looks wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="56"/>
        <source>%1 (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="71"/>
        <source>; access token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="73"/>
        <source>; sign-in ends %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="85"/>
        <source>the sign-in session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="88"/>
        <source>Your session with %1 ended — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="92"/>
        <source>Your session with %1 ended on %2 at %3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="53"/>
        <source>The sign-in session ended because the connection was interrupted during renewal. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="56"/>
        <source>The sign-in session reached its maximum lifetime. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="58"/>
        <source>The server no longer accepts your credentials (password changed or account deactivated). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="61"/>
        <source>The sign-in session has ended (the refresh token expired or was revoked). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="65"/>
        <source>Username or password was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="68"/>
        <source>The server is temporarily unavailable; retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="69"/>
        <source>The server cannot be reached; retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="72"/>
        <source>The server did not answer clearly; retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="76"/>
        <source>The client ID or client secret was rejected. Check the account settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="78"/>
        <source>The token endpoint was not found. Check the server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="80"/>
        <source>The server rejected the request as misconfigured. Check the account settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="84"/>
        <source>The requested scope is not allowed for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="87"/>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="90"/>
        <source>The endpoint redirected elsewhere; nothing was sent. Check the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="93"/>
        <source>You are offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="96"/>
        <source>The server rejected the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="99"/>
        <source>The token lacks the permission (scope) this call needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="102"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AuthError.cpp" line="105"/>
        <source>Secure storage is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../../app/core/Autostart.cpp" line="102"/>
        <source>Start at login is not supported on this platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/Autostart.cpp" line="107"/>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <location filename="../../app/store/CredentialStore.cpp" line="103"/>
        <source>Stored credentials not found in the current keyring; unlock it and retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/store/CredentialStore.cpp" line="121"/>
        <source>Stored tokens belong to other account settings; ignored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialect</name>
    <message>
        <location filename="../../app/core/AccountConfig.cpp" line="22"/>
        <source>Venafi TPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AccountConfig.cpp" line="24"/>
        <source>Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/AccountConfig.cpp" line="26"/>
        <source>OAuth 2.0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointPolicy</name>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="26"/>
        <location filename="../../app/core/EndpointPolicy.cpp" line="52"/>
        <source>The URL must use https:// (plain http is only allowed to 127.0.0.1 or [::1]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="37"/>
        <source>The URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="39"/>
        <source>The URL is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="41"/>
        <source>The URL has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="43"/>
        <source>The URL must not contain a user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="45"/>
        <source>The URL must not contain a fragment (#...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/EndpointPolicy.cpp" line="54"/>
        <source>Unsupported URL scheme &quot;%1&quot;; use https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="92"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="94"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="96"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenericDialect</name>
    <message>
        <location filename="../../app/oauth/GenericDialect.cpp" line="248"/>
        <source>Enter the issuer URL (for discovery) or the token endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/oauth/GenericDialect.cpp" line="261"/>
        <source>Enter the client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/oauth/GenericDialect.cpp" line="263"/>
        <source>Enter the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/oauth/GenericDialect.cpp" line="265"/>
        <source>The scope must be names separated by single spaces.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="20"/>
        <location filename="../../ui/LoginDialog.cpp" line="21"/>
        <location filename="../../ui/LoginDialog.cpp" line="124"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="44"/>
        <source>Why a sign-in is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="54"/>
        <source>Venafi TPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="55"/>
        <source>Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="56"/>
        <source>Other OAuth 2.0 server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="57"/>
        <source>Account type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="58"/>
        <source>Account &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="63"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="63"/>
        <source>Account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="64"/>
        <source>Optional, e.g. Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="65"/>
        <location filename="../../ui/LoginDialog.cpp" line="149"/>
        <source>Ser&amp;ver URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="65"/>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="66"/>
        <source>Enter endpoints by &amp;hand (no discovery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="67"/>
        <source>Enter endpoints by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="70"/>
        <source>T&amp;oken endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="70"/>
        <source>Token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="71"/>
        <source>Re&amp;vocation endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="71"/>
        <source>Revocation endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="72"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="73"/>
        <location filename="../../ui/LoginDialog.cpp" line="151"/>
        <location filename="../../ui/LoginDialog.cpp" line="164"/>
        <source>&amp;Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="73"/>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="74"/>
        <location filename="../../ui/LoginDialog.cpp" line="165"/>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="74"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="76"/>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="76"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="77"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="77"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="79"/>
        <source>&amp;Requested scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="79"/>
        <source>Requested scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="82"/>
        <source>Scope syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="86"/>
        <source>Re&amp;member my password for automatic sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="87"/>
        <source>Remember my password for automatic sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="91"/>
        <source>If stored in the keychain, Tokenkeeper can sign in again by itself when the session ends. Not storing it is safer, but you will be asked again then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="95"/>
        <source>About remembering the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="102"/>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="112"/>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="113"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="114"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="122"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="125"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="152"/>
        <source>Venafi syntax: certificate:manage,revoke;configuration:manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="155"/>
        <source>&amp;Login host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="157"/>
        <source>Consumer &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="158"/>
        <source>Consumer s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="159"/>
        <source>Optional. Space-separated, e.g. api refresh_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="162"/>
        <source>&amp;Issuer URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="166"/>
        <source>Optional. Space-separated, e.g. openid offline_access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="173"/>
        <source>Stored in the keychain; leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="174"/>
        <source>Only for confidential clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="207"/>
        <source>Sign in again — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="356"/>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="366"/>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginValidator</name>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="33"/>
        <source>Enter the issuer URL of the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="34"/>
        <source>Enter the server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="37"/>
        <source>Enter the token endpoint URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="42"/>
        <source>Enter the consumer key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="43"/>
        <source>Enter the client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="45"/>
        <source>Enter the consumer secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="47"/>
        <source>Enter your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="49"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="53"/>
        <source>Enter the scope, for example certificate:manage,revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LoginValidator.cpp" line="56"/>
        <source>The scope must look like certificate:manage,revoke;configuration:manage (no spaces).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="31"/>
        <source>Tokenkeeper main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="71"/>
        <source>&amp;Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="71"/>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="72"/>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="72"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="73"/>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="73"/>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="74"/>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="74"/>
        <location filename="../../ui/MainWindow.cpp" line="226"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="75"/>
        <source>Re&amp;move account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="75"/>
        <location filename="../../ui/MainWindow.cpp" line="241"/>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="84"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="96"/>
        <source>Event &amp;log (tokens and passwords are never recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="97"/>
        <source>&amp;Copy log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="97"/>
        <source>Copy log for a support request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="103"/>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="113"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="191"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="207"/>
        <source>Revoke sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="208"/>
        <source>Revoke the sign-in of “%1” at %2?

The server is asked to invalidate the tokens and they are deleted from this computer. You will need to sign in again to use this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="212"/>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="221"/>
        <source>Signed out of “%1”. The server confirmed the revocation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="222"/>
        <source>Signed out of “%1” on this computer, but the server did not confirm the revocation: the token may stay valid until it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="242"/>
        <source>Remove “%1”?

Tokenkeeper first revokes its sign-in at %2, then deletes the account and everything stored for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="245"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="269"/>
        <source>Event log copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="283"/>
        <source>Tokenkeeper keeps your tokens fresh from the tray. Use Quit in its menu to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesforceDialect</name>
    <message>
        <location filename="../../app/oauth/SalesforceDialect.cpp" line="291"/>
        <source>Enter the consumer key (client ID) of the connected app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/oauth/SalesforceDialect.cpp" line="293"/>
        <source>Enter the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/oauth/SalesforceDialect.cpp" line="300"/>
        <source>The assumed session timeout must be between 1 minute and 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../app/session/Session.cpp" line="169"/>
        <source>The server has no revocation endpoint; the tokens were deleted here only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <location filename="../../ui/SignInController.cpp" line="53"/>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInErrorText</name>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="48"/>
        <source>The server said: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="57"/>
        <source>%1 did not accept this username or password. Check them and try again (repeated attempts may lock the account).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="62"/>
        <source>You are offline. Connect to the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="64"/>
        <source>%1 is temporarily unavailable (status %2). Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="67"/>
        <source>Cannot reach %1. Check the server address and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="72"/>
        <source>The certificate of %1 is not trusted, so nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="75"/>
        <source>SHA-256 fingerprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="77"/>
        <source>Compare the fingerprint with your administrator. If your organisation uses its own certificate authority, add it to the system&apos;s trusted certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="84"/>
        <source>The server redirected the sign-in to %1; nothing was sent. Check the server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="86"/>
        <source>another address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="88"/>
        <source>%1 did not accept the client ID or client secret. Check them with your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="93"/>
        <source>No sign-in service was found at this address on %1. Check the server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="97"/>
        <source>This client is not allowed to sign in with a username and password on %1. Ask your administrator to allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="101"/>
        <source>%1 rejected the sign-in request as misconfigured. Check the account settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="105"/>
        <source>The scope “%1” is not allowed for this user or client on %2. Request less, or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../ui/SingleInstance.cpp" line="38"/>
        <source>Cannot create the private directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SingleInstance.cpp" line="48"/>
        <source>The directory %1 is not private (it must be mode 0700).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="14"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="14"/>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="18"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="18"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="21"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="22"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="29"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="31"/>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="32"/>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="48"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TimeFormat.cpp" line="50"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../ui/TrayController.cpp" line="21"/>
        <source>Tokenkeeper menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="88"/>
        <source>No accounts yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="120"/>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="125"/>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="126"/>
        <source>Copy access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="131"/>
        <source>Cleared from the clipboard after 30 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="132"/>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="139"/>
        <source>Open Tokenkeeper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="140"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="167"/>
        <source>Sign-in needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="168"/>
        <source>Click to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="180"/>
        <source>Sign-in ends soon: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="181"/>
        <source>Your sign-in to %1 ends %2 (%3). Click to sign in again now and avoid an interruption.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayStatusRules</name>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="72"/>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="74"/>
        <source>All accounts signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="76"/>
        <source>Renewing tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="78"/>
        <source>A sign-in ends soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="80"/>
        <source>Offline or retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="82"/>
        <source>Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="84"/>
        <source>Keychain problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VenafiDialect</name>
    <message>
        <location filename="../../app/oauth/VenafiDialect.cpp" line="293"/>
        <source>Enter the client ID (the API integration&apos;s application ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/oauth/VenafiDialect.cpp" line="295"/>
        <source>Enter the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/oauth/VenafiDialect.cpp" line="297"/>
        <source>Enter the scope, for example certificate:manage,revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/oauth/VenafiDialect.cpp" line="299"/>
        <source>The scope must look like certificate:manage,revoke;configuration (no spaces).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="19"/>
        <source>Keeps OAuth 2.0 tokens fresh and safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
