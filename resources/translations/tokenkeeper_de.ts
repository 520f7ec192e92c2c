<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDetails</name>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="21"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="24"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="27"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="34"/>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="35"/>
        <location filename="../../ui/AccountDetails.cpp" line="111"/>
        <source>Sign-in ends:</source>
        <translation>Anmeldung endet:</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="36"/>
        <source>Last renewal:</source>
        <translation>Letzte Erneuerung:</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="37"/>
        <source>Next renewal:</source>
        <translation>Nächste Erneuerung:</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="38"/>
        <source>Stored in:</source>
        <translation>Gespeichert in:</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="39"/>
        <source>Sign-in method:</source>
        <translation>Anmeldeverfahren:</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="40"/>
        <source>Scopes:</source>
        <translation>Berechtigungen (Scopes):</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="41"/>
        <source>Last problem:</source>
        <translation>Letztes Problem:</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="74"/>
        <source>Browser sign-in (authorization code with PKCE), client %1</source>
        <translation>Anmeldung im Browser (Autorisierungscode mit PKCE), Client %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="76"/>
        <source>Device code entered on the server&apos;s page, client %1</source>
        <translation>Gerätecode, auf der Seite des Servers eingegeben, Client %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="79"/>
        <source>Venafi TPP password sign-in as %1 (client %2)</source>
        <translation>Venafi-TPP-Anmeldung mit Passwort als %1 (Client %2)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="81"/>
        <source>Salesforce username-password flow as %1 (consumer key %2)</source>
        <translation>Salesforce-Anmeldung mit Benutzername und Passwort als %1 (Consumer Key %2)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="84"/>
        <source>OAuth 2.0 password grant as %1 (client %2)</source>
        <translation>OAuth-2.0-Passwort-Grant als %1 (Client %2)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="100"/>
        <source>valid, expires %1</source>
        <translation>gültig, läuft ab %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="101"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="106"/>
        <location filename="../../ui/AccountDetails.cpp" line="140"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="110"/>
        <source>Sign-in ended:</source>
        <translation>Anmeldung endete:</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="114"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation type="vanished">endete %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="vanished">beendet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="121"/>
        <source>not announced by the server</source>
        <translation>vom Server nicht mitgeteilt</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="121"/>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="123"/>
        <source>not since Tokenkeeper started</source>
        <translation>nicht seit dem Start von Tokenkeeper</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="124"/>
        <source>none scheduled</source>
        <translation>keine geplant</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="132"/>
        <source>no usable tokens (the sign-in ended)</source>
        <translation>keine gültigen Tokens (die Anmeldung ist beendet)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="133"/>
        <source>no tokens yet (not signed in)</source>
        <translation>noch keine Tokens (nicht angemeldet)</translation>
    </message>
    <message>
        <source>nothing stored yet (not signed in)</source>
        <translation type="vanished">noch nichts gespeichert (nicht angemeldet)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountDetails.cpp" line="138"/>
        <source>the server&apos;s default</source>
        <translation>Standard des Servers</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="186"/>
        <source>no token</source>
        <translation>kein Token</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="191"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="193"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="265"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="267"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="269"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="271"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="273"/>
        <source>Sign-in ends</source>
        <translation>Anmeldung endet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="275"/>
        <source>Last refresh</source>
        <translation>Letzte Erneuerung</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="277"/>
        <source>Next refresh</source>
        <translation>Nächste Erneuerung</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="279"/>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../../ui/AccountListModel.cpp" line="281"/>
        <source>Last problem</source>
        <translation>Letztes Problem</translation>
    </message>
</context>
<context>
    <name>AccountMatcher</name>
    <message>
        <location filename="../../app/agent/AccountMatcher.cpp" line="29"/>
        <source>no account matches %1 (tokenctl list shows them)</source>
        <translation>kein Konto passt zu %1 (tokenctl list zeigt alle)</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountMatcher.cpp" line="36"/>
        <source>%1 matches several accounts: %2; name one by its id</source>
        <translation>%1 passt zu mehreren Konten: %2; nennen Sie eines über seine ID</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountMatcher.cpp" line="118"/>
        <source>not a URL: %1</source>
        <translation>keine URL: %1</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountMatcher.cpp" line="127"/>
        <source>no account named in the request</source>
        <translation>die Anfrage nennt kein Konto</translation>
    </message>
</context>
<context>
    <name>AccountRequests</name>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="66"/>
        <source>the sign-in dialog for %1 is open in Tokenkeeper</source>
        <translation>der Anmeldedialog für %1 ist in Tokenkeeper geöffnet</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="91"/>
        <location filename="../../app/agent/AccountRequests.cpp" line="164"/>
        <location filename="../../app/agent/AccountRequests.cpp" line="225"/>
        <location filename="../../app/agent/AccountRequests.cpp" line="252"/>
        <source>the account was removed</source>
        <translation>das Konto wurde entfernt</translation>
    </message>
    <message>
        <source>the discovered endpoints belong to another account</source>
        <translation type="vanished">die gefundenen Endpunkte gehören zu einem anderen Konto</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="122"/>
        <source>a sign-in from the terminal needs progress frames (progress=1)</source>
        <translation>eine Anmeldung aus dem Terminal braucht Fortschrittsmeldungen (progress=1)</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="129"/>
        <source>%1 signs in with a password: the sign-in dialog is open in Tokenkeeper (or use tokenctl login --password-stdin)</source>
        <translation>%1 meldet sich mit Passwort an: der Anmeldedialog ist in Tokenkeeper geöffnet (oder verwenden Sie tokenctl login --password-stdin)</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="136"/>
        <source>%1 signs in with a password: use --password-stdin, or --dialog</source>
        <translation>%1 meldet sich mit Passwort an: verwenden Sie --password-stdin oder --dialog</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="234"/>
        <source>the keychain did not answer; unlock it, then try again</source>
        <translation>der Schlüsselbund hat nicht geantwortet; entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="261"/>
        <source>sign-in requested by tokenctl (password from stdin)</source>
        <translation>Anmeldung von tokenctl angefordert (Passwort über stdin)</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="283"/>
        <source>revoke requested by %1</source>
        <translation>Widerruf angefordert von %1</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="32"/>
        <source>&quot;%1&quot; already signs in as %2 with client %3 at %4; use it (tokenctl login &quot;%1&quot;) or choose another --user or --client-id</source>
        <translation>„%1“ meldet sich schon als %2 mit Client %3 bei %4 an; verwenden Sie es (tokenctl login &quot;%1&quot;) oder wählen Sie einen anderen --user oder --client-id</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="316"/>
        <source>--dialect must be venafi, salesforce or generic</source>
        <translation>--dialect muss venafi, salesforce oder generic sein</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="321"/>
        <source>--method must be browser, device or password</source>
        <translation>--method muss browser, device oder password sein</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="349"/>
        <source>an account named &quot;%1&quot; exists already; choose another --name</source>
        <translation>ein Konto namens „%1“ gibt es schon; wählen Sie einen anderen --name</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="30"/>
        <source>the account was not added</source>
        <translation>das Konto wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="366"/>
        <source>account added by %1</source>
        <translation>Konto hinzugefügt von %1</translation>
    </message>
    <message>
        <location filename="../../app/agent/AccountRequests.cpp" line="396"/>
        <source>account removed by %1</source>
        <translation>Konto entfernt von %1</translation>
    </message>
</context>
<context>
    <name>AccountText</name>
    <message>
        <location filename="../../ui/AccountText.cpp" line="28"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="30"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="32"/>
        <location filename="../../ui/AccountText.cpp" line="94"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="34"/>
        <source>Renewing…</source>
        <translation>Wird erneuert…</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="36"/>
        <source>Retrying</source>
        <translation>Neuer Versuch folgt</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="38"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="40"/>
        <source>Sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="42"/>
        <source>Signing out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="44"/>
        <source>Settings need attention</source>
        <translation>Einstellungen prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="53"/>
        <location filename="../../ui/AccountText.cpp" line="110"/>
        <source>Retrying %1</source>
        <translation>Neuer Versuch %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="55"/>
        <source>Signed in (the system clock looks wrong)</source>
        <translation>Angemeldet (die Systemuhr scheint falsch zu gehen)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="63"/>
        <source>%1 (estimated)</source>
        <translation>%1 (geschätzt)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="74"/>
        <source>The server is not answering; retrying.</source>
        <translation>Der Server antwortet nicht; neuer Versuch folgt.</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="89"/>
        <source>Signed in · the system clock looks wrong</source>
        <translation>Angemeldet · die Systemuhr scheint falsch zu gehen</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="91"/>
        <source>Signed in · token expires %1</source>
        <translation>Angemeldet · Token läuft ab %1</translation>
    </message>
    <message>
        <source>Signed in · access token expires %1</source>
        <translation type="vanished">Angemeldet · Zugriffstoken läuft ab %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="106"/>
        <source>The server is not answering</source>
        <translation>Der Server antwortet nicht</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="114"/>
        <source>The server is not answering · %1</source>
        <translation>Der Server antwortet nicht · %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="129"/>
        <source>; access token expires %1</source>
        <translation>; Zugriffstoken läuft ab %1</translation>
    </message>
    <message>
        <source>; access token %1</source>
        <translation type="vanished">; Zugriffstoken %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="100"/>
        <source>Waiting for you to sign in in the browser</source>
        <translation>Wartet auf Ihre Anmeldung im Browser</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="99"/>
        <source>Waiting for the code to be entered</source>
        <translation>Wartet auf die Eingabe des Codes</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="131"/>
        <source>; sign-in ends %1</source>
        <translation>; Anmeldung endet %1</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="141"/>
        <source>the connection was interrupted while the session was being renewed</source>
        <translation>die Verbindung wurde unterbrochen, während die Sitzung erneuert wurde</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="143"/>
        <source>it reached its maximum lifetime</source>
        <translation>sie hat ihre maximale Dauer erreicht</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="145"/>
        <source>the stored password was rejected</source>
        <translation>das gespeicherte Passwort wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="147"/>
        <source>the server issued no refresh token</source>
        <translation>der Server hat kein Aktualisierungstoken ausgestellt</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="149"/>
        <source>the stored tokens could not be read</source>
        <translation>die gespeicherten Token konnten nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="151"/>
        <source>the server no longer accepts your credentials (password changed or account deactivated)</source>
        <translation>der Server akzeptiert Ihre Anmeldedaten nicht mehr (Passwort geändert oder Konto deaktiviert)</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="153"/>
        <source>the refresh token expired or was revoked</source>
        <translation>das Aktualisierungstoken ist abgelaufen oder wurde widerrufen</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="162"/>
        <source>the sign-in session ended</source>
        <translation>die Anmeldesitzung ist beendet</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="165"/>
        <source>Your session with %1 ended — %2</source>
        <translation>Ihre Sitzung bei %1 ist beendet – %2</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="169"/>
        <source>Your session with %1 ended on %2 at %3 — %4</source>
        <translation>Ihre Sitzung bei %1 endete am %2 um %3 – %4</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="176"/>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="178"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="180"/>
        <source>Keyring locked</source>
        <translation>Schlüsselbund gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="182"/>
        <source>Access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="184"/>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="186"/>
        <source>Waiting for keyring</source>
        <translation>Warte auf Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="188"/>
        <source>Unreadable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <location filename="../../ui/AccountText.cpp" line="190"/>
        <source>This session only</source>
        <translation>Nur diese Sitzung</translation>
    </message>
</context>
<context>
    <name>AgentConnection</name>
    <message>
        <location filename="../../app/agent/AgentConnection.cpp" line="61"/>
        <source>protocol version %1 is not supported; this Tokenkeeper speaks version %2 (update tokenctl)</source>
        <translation>Protokollversion %1 wird nicht unterstützt; dieser Tokenkeeper spricht Version %2 (aktualisieren Sie tokenctl)</translation>
    </message>
</context>
<context>
    <name>AgentReplies</name>
    <message>
        <location filename="../../app/agent/AgentReplies.cpp" line="93"/>
        <source>sign-in needed for %1 at %2%3: use Tokenkeeper&apos;s sign-in (tray) or tokenctl login</source>
        <translation>Anmeldung erforderlich für %1 bei %2%3: melden Sie sich über Tokenkeeper (Infobereich) oder mit tokenctl login an</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentReplies.cpp" line="103"/>
        <source>the keychain is locked or unavailable (%1): unlock it, then try again</source>
        <translation>der Schlüsselbund ist gesperrt oder nicht verfügbar (%1): entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentReplies.cpp" line="125"/>
        <source>%1 cannot be reached right now (%2); Tokenkeeper retries on its own, try again later</source>
        <translation>%1 ist gerade nicht erreichbar (%2); Tokenkeeper versucht es selbst erneut, versuchen Sie es später noch einmal</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentReplies.cpp" line="133"/>
        <location filename="../../app/agent/AgentReplies.cpp" line="178"/>
        <source>the account is being signed out</source>
        <translation>das Konto wird gerade abgemeldet</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentReplies.cpp" line="139"/>
        <source>%1: %2 (fix the account in Tokenkeeper)</source>
        <translation>%1: %2 (korrigieren Sie das Konto in Tokenkeeper)</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentReplies.cpp" line="154"/>
        <location filename="../../app/agent/AgentReplies.cpp" line="161"/>
        <source>%1 at %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
</context>
<context>
    <name>AgentServer</name>
    <message>
        <location filename="../../app/agent/AgentServer.cpp" line="50"/>
        <source>another agent already listens on %1</source>
        <translation>auf %1 lauscht bereits ein anderer Agent</translation>
    </message>
</context>
<context>
    <name>AgentService</name>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="75"/>
        <source>unknown request &quot;%1&quot;</source>
        <translation>unbekannte Anfrage „%1“</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="151"/>
        <location filename="../../app/agent/AgentService.cpp" line="215"/>
        <source>the account was removed</source>
        <translation>das Konto wurde entfernt</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="155"/>
        <source>refused %1 to %2: %3</source>
        <translation>%1 für %2 verweigert: %3</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="171"/>
        <source>a token</source>
        <translation>ein Token</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="192"/>
        <source>a sign-in</source>
        <translation>eine Anmeldung</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="230"/>
        <source>withheld a token: pid %1 exited or was reused</source>
        <translation>Token zurückgehalten: PID %1 wurde beendet oder neu vergeben</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="231"/>
        <source>the calling process changed</source>
        <translation>der aufrufende Prozess hat sich geändert</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="245"/>
        <source>token handed to %1</source>
        <translation>Token an %1 übergeben</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="270"/>
        <source>no rejected token in the request</source>
        <translation>die Anfrage enthält kein abgelehntes Token</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="276"/>
        <source>%1 reported the current token as rejected; refreshing</source>
        <translation>%1 meldet das aktuelle Token als abgelehnt; es wird erneuert</translation>
    </message>
    <message>
        <location filename="../../app/agent/AgentService.cpp" line="277"/>
        <source>%1 reported an older token as rejected</source>
        <translation>%1 meldet ein älteres Token als abgelehnt</translation>
    </message>
</context>
<context>
    <name>ApprovalBroker</name>
    <message>
        <location filename="../../app/agent/ApprovalBroker.cpp" line="31"/>
        <source>the policy of %1 denies tokens to programs</source>
        <translation>die Regel von %1 verweigert Programmen das Token</translation>
    </message>
    <message>
        <location filename="../../app/agent/ApprovalBroker.cpp" line="42"/>
        <location filename="../../app/agent/ApprovalBroker.cpp" line="127"/>
        <source>you denied %1 access to %2</source>
        <translation>Sie haben %1 den Zugriff auf %2 verweigert</translation>
    </message>
    <message>
        <location filename="../../app/agent/ApprovalBroker.cpp" line="50"/>
        <source>%1 needs your approval for %2 and may not wait for it: answer Tokenkeeper&apos;s prompt, then try again (or set the account&apos;s policy)</source>
        <translation>%1 braucht Ihre Zustimmung für %2 und darf nicht darauf warten: beantworten Sie die Rückfrage von Tokenkeeper und versuchen Sie es erneut (oder legen Sie die Regel des Kontos fest)</translation>
    </message>
    <message>
        <location filename="../../app/agent/ApprovalBroker.cpp" line="78"/>
        <source>no answer to the approval prompt in time</source>
        <translation>keine rechtzeitige Antwort auf die Rückfrage</translation>
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
        <translation>%1 fordert ein Zugriffstoken für %2 an.

Programm: %3
Gestartet als: %4
Bereiche: %5

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
    <name>ApprovalsPanel</name>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="23"/>
        <source>&lt;b&gt;Programs&lt;/b&gt; (tokenctl, git, kubectl and your scripts)</source>
        <translation>&lt;b&gt;Programme&lt;/b&gt; (tokenctl, git, kubectl und Ihre Skripte)</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="26"/>
        <source>Hand the token &amp;to:</source>
        <translation>Token weiter&amp;geben an:</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="28"/>
        <source>Programs I allow when they first ask</source>
        <translation>Programme, die ich bei der ersten Anfrage erlaube</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="29"/>
        <source>Any program of mine, without asking</source>
        <translation>Jedes meiner Programme, ohne Rückfrage</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="31"/>
        <source>No program</source>
        <translation>Kein Programm</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="32"/>
        <source>Which programs get the token</source>
        <translation>Welche Programme das Token erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="44"/>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="44"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="44"/>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="52"/>
        <source>Remembered programs</source>
        <translation>Gemerkte Programme</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="54"/>
        <source>No program&apos;s answer is remembered for this account.</source>
        <translation>Für dieses Konto ist keine Antwort zu einem Programm gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="59"/>
        <source>For&amp;get the answer</source>
        <translation>Antwort &amp;vergessen</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="60"/>
        <source>The program is asked about again the next time it wants the token.</source>
        <translation>Beim nächsten Abruf des Tokens wird wieder nach dem Programm gefragt.</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="115"/>
        <source>A program asks once; Tokenkeeper names it and where it was started from. The answers below apply to that exact file: a replaced or rebuilt program asks again.</source>
        <translation>Ein Programm fragt einmal; Tokenkeeper nennt es und woraus es gestartet wurde. Die Antworten unten gelten für genau diese Datei: ein ersetztes oder neu gebautes Programm fragt erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="120"/>
        <source>Every program running as you gets the token without a question. Each hand-out is still written to the event log.</source>
        <translation>Jedes Programm, das unter Ihrem Benutzer läuft, erhält das Token ohne Rückfrage. Jede Herausgabe wird trotzdem im Ereignisprotokoll vermerkt.</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="124"/>
        <source>No program gets the token; only you can copy it from this window.</source>
        <translation>Kein Programm erhält das Token; nur Sie können es aus diesem Fenster kopieren.</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="133"/>
        <source>always allowed</source>
        <translation>immer erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/ApprovalsPanel.cpp" line="133"/>
        <source>denied</source>
        <translation>abgelehnt</translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="21"/>
        <source>The sign-in session ended because the connection was interrupted during renewal. Sign in again.</source>
        <translation>Die Anmeldesitzung wurde beendet, weil die Verbindung während der Erneuerung unterbrochen wurde. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="26"/>
        <source>The sign-in session reached its maximum lifetime. Sign in again.</source>
        <translation>Die Anmeldesitzung hat ihre maximale Dauer erreicht. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="31"/>
        <source>The server no longer accepts your credentials (password changed or account deactivated). Sign in again.</source>
        <translation>Der Server akzeptiert Ihre Zugangsdaten nicht mehr (Passwort geändert oder Konto deaktiviert). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="36"/>
        <source>The sign-in session has ended (the refresh token expired or was revoked). Sign in again.</source>
        <translation>Die Anmeldesitzung ist beendet (das Aktualisierungstoken ist abgelaufen oder wurde widerrufen). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="42"/>
        <source>Username or password was rejected.</source>
        <translation>Benutzername oder Passwort wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="46"/>
        <source>The server is temporarily unavailable; retrying.</source>
        <translation>Der Server ist vorübergehend nicht verfügbar; ein neuer Versuch folgt.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="48"/>
        <source>The server cannot be reached; retrying.</source>
        <translation>Der Server ist nicht erreichbar; ein neuer Versuch folgt.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="52"/>
        <source>The server did not answer clearly; retrying.</source>
        <translation>Die Antwort des Servers war nicht eindeutig; ein neuer Versuch folgt.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="58"/>
        <source>An endpoint address is not allowed to receive secrets: it must start with https:// (plain http only to 127.0.0.1 or [::1]) and hold no user name or #fragment. Nothing was sent.</source>
        <translation>Diese Endpunktadresse darf keine Geheimnisse empfangen: Sie muss mit https:// beginnen (unverschlüsseltes http nur zu 127.0.0.1 oder [::1]) und darf weder Benutzernamen noch #Fragment enthalten. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="65"/>
        <source>The client ID or client secret was rejected. Check the account settings.</source>
        <translation>Die Client-ID oder das Client-Geheimnis wurde abgelehnt. Prüfen Sie die Kontoeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="69"/>
        <source>The token endpoint was not found. Check the server URL.</source>
        <translation>Der Token-Endpunkt wurde nicht gefunden. Prüfen Sie die Server-URL.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="72"/>
        <source>The server rejected the request as misconfigured. Check the account settings.</source>
        <translation>Der Server hat die Anfrage als fehlerhaft konfiguriert abgelehnt. Prüfen Sie die Kontoeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="78"/>
        <source>The requested scope is not allowed for this account.</source>
        <translation>Der angeforderte Scope ist für dieses Konto nicht erlaubt.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="82"/>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="85"/>
        <source>The endpoint redirected elsewhere; nothing was sent. Check the URL.</source>
        <translation>Der Endpunkt hat auf eine andere Adresse umgeleitet; es wurde nichts gesendet. Prüfen Sie die URL.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="89"/>
        <source>You are offline.</source>
        <translation>Sie sind offline.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="92"/>
        <source>The server rejected the access token.</source>
        <translation>Der Server hat das Zugriffstoken abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="95"/>
        <source>The token lacks the permission (scope) this call needs.</source>
        <translation>Dem Token fehlt die Berechtigung (Scope), die dieser Aufruf benötigt.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="99"/>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="vanished">Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="102"/>
        <source>Secure storage is not available.</source>
        <translation>Der sichere Speicher ist nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>AuthorizationCodeFlow</name>
    <message>
        <location filename="../../app/oauth/AuthorizationCodeFlow.cpp" line="61"/>
        <source>Without a scope Salesforce grants the connected app&apos;s selected scopes: include &quot;Perform requests at any time (refresh_token, offline_access)&quot; there, or Tokenkeeper cannot renew the sign-in.</source>
        <translation>Ohne Scope gewährt Salesforce die in der verbundenen App ausgewählten Scopes: Nehmen Sie dort „Perform requests at any time (refresh_token, offline_access)“ auf, sonst kann Tokenkeeper die Anmeldung nicht erneuern.</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../../ui/Autostart.cpp" line="101"/>
        <source>Start at login is not supported on this platform.</source>
        <translation>Der Start mit der Desktop-Sitzung wird auf diesem System nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../../ui/Autostart.cpp" line="106"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Stored credentials not found in the current keyring; unlock it and retry</source>
        <translation type="vanished">Gespeicherte Zugangsdaten wurden im aktuellen Schlüsselbund nicht gefunden; entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>Stored tokens belong to other account settings; ignored</source>
        <translation type="vanished">Die gespeicherten Tokens gehören zu anderen Kontoeinstellungen und werden ignoriert</translation>
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
        <source>The URL must use https:// (plain http is only allowed to 127.0.0.1 or [::1]).</source>
        <translation type="vanished">Die URL muss https:// verwenden (unverschlüsseltes http ist nur für 127.0.0.1 oder [::1] erlaubt).</translation>
    </message>
    <message>
        <source>The URL is empty.</source>
        <translation type="vanished">Die URL ist leer.</translation>
    </message>
    <message>
        <source>The URL is not valid: %1</source>
        <translation type="vanished">Die URL ist ungültig: %1</translation>
    </message>
    <message>
        <source>The URL has no host name.</source>
        <translation type="vanished">Die URL enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The URL must not contain a user name or password.</source>
        <translation type="vanished">Die URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The URL must not contain a fragment (#...).</source>
        <translation type="vanished">Die URL darf kein Fragment (#…) enthalten.</translation>
    </message>
    <message>
        <source>Unsupported URL scheme &quot;%1&quot;; use https://.</source>
        <translation type="vanished">Nicht unterstütztes URL-Schema „%1“; verwenden Sie https://.</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="48"/>
        <source>The sign-in ends %1 (%2); sign in again before then</source>
        <translation>Die Anmeldung endet %1 (%2); melden Sie sich vorher erneut an</translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="251"/>
        <source>%1 times since %2</source>
        <translation>%1-mal seit %2</translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="272"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="274"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="276"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <location filename="../../ui/EventLogView.cpp" line="16"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../ui/EventText.cpp" line="9"/>
        <source>Wrong username or password</source>
        <translation>Falscher Benutzername oder falsches Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="11"/>
        <source>The server could not be reached</source>
        <translation>Der Server war nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="13"/>
        <source>The server is not answering</source>
        <translation>Der Server antwortet nicht</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="15"/>
        <source>The server&apos;s answer was unclear</source>
        <translation>Die Antwort des Servers war unklar</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="17"/>
        <source>The client ID or client secret was rejected</source>
        <translation>Client-ID oder Client-Geheimnis wurde abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="19"/>
        <source>The account settings need attention</source>
        <translation>Die Kontoeinstellungen müssen geprüft werden</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="21"/>
        <source>The requested scope is not allowed</source>
        <translation>Die angeforderte Berechtigung ist nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="23"/>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="25"/>
        <source>The endpoint redirected elsewhere</source>
        <translation>Der Endpunkt hat auf eine andere Adresse umgeleitet</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="27"/>
        <source>You are offline</source>
        <translation>Sie sind offline</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="29"/>
        <source>The sign-in session has ended</source>
        <translation>Die Anmeldesitzung ist beendet</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="31"/>
        <source>The keychain is not available</source>
        <translation>Der Schlüsselbund ist nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="32"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="38"/>
        <source>Read the stored sign-in from the keychain</source>
        <translation>Gespeicherte Anmeldung aus dem Schlüsselbund gelesen</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="40"/>
        <source>The keyring is locked</source>
        <translation>Der Schlüsselbund ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="42"/>
        <source>The keychain refused access</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="44"/>
        <source>No keychain is available; tokens are kept for this session only</source>
        <translation>Kein Schlüsselbund verfügbar; Tokens gelten nur für diese Sitzung</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="46"/>
        <source>Waiting for the keyring</source>
        <translation>Warte auf den Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="48"/>
        <source>The stored sign-in could not be read</source>
        <translation>Die gespeicherte Anmeldung konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="50"/>
        <source>The sign-in is not saved in the keychain yet</source>
        <translation>Die Anmeldung ist noch nicht im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="51"/>
        <source>Keychain: %1</source>
        <translation>Schlüsselbund: %1</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="58"/>
        <source>Renewed the access token</source>
        <translation>Zugriffstoken erneuert</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="60"/>
        <source>Renewal requested</source>
        <translation>Erneuerung angefordert</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="62"/>
        <source>The server rejected the access token; renewing it</source>
        <translation>Der Server hat das Zugriffstoken abgelehnt; es wird erneuert</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="67"/>
        <source>%1; retrying in %2 s</source>
        <translation>%1; neuer Versuch in %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="71"/>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="73"/>
        <source>Signing in again with the stored password</source>
        <translation>Erneute Anmeldung mit dem gespeicherten Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="75"/>
        <source>Signed in again with the stored password</source>
        <translation>Mit dem gespeicherten Passwort erneut angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="77"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="79"/>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="87"/>
        <source>The sign-in ended: %1</source>
        <translation>Die Anmeldung ist beendet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="88"/>
        <source>The sign-in ended; sign in again</source>
        <translation>Die Anmeldung ist beendet; bitte erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="91"/>
        <source>Signing out</source>
        <translation>Abmeldung läuft</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="93"/>
        <source>Signed out; the server confirmed the revocation</source>
        <translation>Abgemeldet; der Server hat den Widerruf bestätigt</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="95"/>
        <source>Signed out on this computer; the server did not confirm the revocation</source>
        <translation>Auf diesem Computer abgemeldet; der Server hat den Widerruf nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="100"/>
        <source>Could not save to the keychain: %1</source>
        <translation>Speichern im Schlüsselbund fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="104"/>
        <source>The network is back</source>
        <translation>Das Netzwerk ist wieder da</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="106"/>
        <source>The network is down</source>
        <translation>Das Netzwerk ist nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="108"/>
        <source>Took over tokens renewed by another Tokenkeeper</source>
        <translation>Von einem anderen Tokenkeeper erneuerte Tokens übernommen</translation>
    </message>
    <message>
        <location filename="../../ui/EventText.cpp" line="110"/>
        <source>An interrupted renewal was found; retrying it</source>
        <translation>Eine unterbrochene Erneuerung wurde gefunden; sie wird wiederholt</translation>
    </message>
</context>
<context>
    <name>FlowEndpoints</name>
    <message>
        <source>The server offers no sign-in through the browser.</source>
        <translation type="vanished">Der Server bietet keine Anmeldung über den Browser an.</translation>
    </message>
    <message>
        <source>The server offers no sign-in with a device code.</source>
        <translation type="vanished">Der Server bietet keine Anmeldung mit einem Gerätecode an.</translation>
    </message>
    <message>
        <source>The server has no token endpoint.</source>
        <translation type="vanished">Der Server hat keinen Token-Endpunkt.</translation>
    </message>
</context>
<context>
    <name>ForgetAllCommand</name>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="36"/>
        <source>tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="38"/>
        <source>stored password</source>
        <translation>Gespeichertes Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="39"/>
        <source>client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="50"/>
        <source>Tokenkeeper is running. Quit it first (tray menu: Quit), then run --forget-all again.</source>
        <translation>Tokenkeeper läuft. Beenden Sie es zuerst (Menü im Infobereich: Beenden) und rufen Sie --forget-all dann erneut auf.</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="52"/>
        <source>Cannot make sure that Tokenkeeper is not running: %1</source>
        <translation>Es lässt sich nicht sicherstellen, dass Tokenkeeper nicht läuft: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="75"/>
        <source>Removed the %1 of %2.</source>
        <translation>%1 von %2 entfernt.</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="78"/>
        <source>Could not remove the %1 of %2 (%3).</source>
        <translation>%1 von %2 konnte nicht entfernt werden (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="82"/>
        <source>Removed %1 keychain item(s) and %2 of %3 account(s) from %4.</source>
        <translation>%1 Schlüsselbund-Einträge und %2 von %3 Konten aus %4 entfernt.</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="87"/>
        <source>The grants stay valid at the servers until they expire: revoke an account in Tokenkeeper first to end it there.</source>
        <translation>Die Berechtigungen bleiben auf den Servern gültig, bis sie ablaufen: Widerrufen Sie ein Konto zuerst in Tokenkeeper, um es dort zu beenden.</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="89"/>
        <source>No secrets are kept in %1 or %2; delete them to remove every trace.</source>
        <translation>%1 und %2 enthalten keine Geheimnisse; löschen Sie sie, um jede Spur zu entfernen.</translation>
    </message>
    <message>
        <location filename="../../ui/ForgetAllCommand.cpp" line="93"/>
        <source>%1 item(s) are still in the keychain. Unlock it and run --forget-all again.</source>
        <translation>%1 Einträge sind noch im Schlüsselbund. Entsperren Sie ihn und rufen Sie --forget-all erneut auf.</translation>
    </message>
</context>
<context>
    <name>GenericDialect</name>
    <message>
        <source>Enter the issuer URL (for discovery) or the token endpoint.</source>
        <translation type="vanished">Geben Sie die Issuer-URL (für die automatische Erkennung) oder den Token-Endpunkt ein.</translation>
    </message>
    <message>
        <source>Enter the client ID.</source>
        <translation type="vanished">Geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation type="vanished">Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>The scope must be names separated by single spaces.</source>
        <translation type="vanished">Der Scope muss aus Namen bestehen, die durch einzelne Leerzeichen getrennt sind.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="23"/>
        <location filename="../../ui/LoginDialog.cpp" line="24"/>
        <location filename="../../ui/LoginDialogForm.cpp" line="137"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="43"/>
        <source>Why a sign-in is needed</source>
        <translation>Warum eine Anmeldung nötig ist</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="57"/>
        <source>Venafi TPP</source>
        <translation>Venafi TPP</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="58"/>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="59"/>
        <source>Other OAuth 2.0 server</source>
        <translation>Anderer OAuth-2.0-Server</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="60"/>
        <source>Account type</source>
        <translation>Kontotyp</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="61"/>
        <source>Account &amp;type:</source>
        <translation>Konto&amp;typ:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="66"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="66"/>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="67"/>
        <source>Optional, e.g. Production</source>
        <translation>Optional, z. B. Produktion</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="68"/>
        <location filename="../../ui/LoginDialogForm.cpp" line="163"/>
        <source>Ser&amp;ver URL:</source>
        <translation>Ser&amp;ver-URL:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="68"/>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="69"/>
        <source>Enter endpoints by &amp;hand (no discovery)</source>
        <translation>Endpunkte von &amp;Hand eingeben (ohne automatische Erkennung)</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="70"/>
        <source>Enter endpoints by hand</source>
        <translation>Endpunkte von Hand eingeben</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="73"/>
        <source>T&amp;oken endpoint:</source>
        <translation>T&amp;oken-Endpunkt:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="73"/>
        <source>Token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="74"/>
        <source>Re&amp;vocation endpoint:</source>
        <translation>&amp;Widerrufs-Endpunkt:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="74"/>
        <source>Revocation endpoint</source>
        <translation>Widerrufs-Endpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="75"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="76"/>
        <location filename="../../ui/LoginDialogForm.cpp" line="165"/>
        <location filename="../../ui/LoginDialogForm.cpp" line="178"/>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="76"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="77"/>
        <location filename="../../ui/LoginDialogForm.cpp" line="179"/>
        <source>Client s&amp;ecret:</source>
        <translation>Client-G&amp;eheimnis:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="77"/>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="80"/>
        <source>Sign in &amp;with:</source>
        <translation>Anmelden &amp;mit:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="89"/>
        <source>Waiting for the code to be entered…</source>
        <translation>Wartet auf die Eingabe des Codes…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="90"/>
        <source>Waiting for you to sign in in the browser…</source>
        <translation>Wartet auf Ihre Anmeldung im Browser…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="92"/>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="92"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="93"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="93"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="95"/>
        <source>&amp;Requested scope:</source>
        <translation>Angeforderter &amp;Scope:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="95"/>
        <source>Requested scope</source>
        <translation>Angeforderter Scope</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="98"/>
        <source>Scope syntax</source>
        <translation>Scope-Syntax</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="102"/>
        <source>Re&amp;member my password for automatic sign-in</source>
        <translation>Passwort für die automatische Anmeldung &amp;merken</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="103"/>
        <source>Remember my password for automatic sign-in</source>
        <translation>Passwort für die automatische Anmeldung merken</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="107"/>
        <source>If stored in the keychain, Tokenkeeper can sign in again by itself when the session ends. Not storing it is safer, but you will be asked again then.</source>
        <translation>Ist es im Schlüsselbund gespeichert, kann sich Tokenkeeper nach dem Ende der Sitzung selbst erneut anmelden. Ohne Speichern ist es sicherer, aber Sie werden dann erneut gefragt.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="111"/>
        <source>About remembering the password</source>
        <translation>Zum Merken des Passworts</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="115"/>
        <source>Sign-in problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="124"/>
        <source>Signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="125"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="126"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="134"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="138"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="166"/>
        <source>Syntax: certificate:manage,revoke;configuration:manage</source>
        <translation>Syntax: certificate:manage,revoke;configuration:manage</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="173"/>
        <source>Optional; space-separated, e.g. api refresh_token</source>
        <translation>Optional; durch Leerzeichen getrennt, z. B. api refresh_token</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="180"/>
        <source>Optional; space-separated, e.g. openid offline_access</source>
        <translation>Optional; durch Leerzeichen getrennt, z. B. openid offline_access</translation>
    </message>
    <message>
        <source>Venafi syntax: certificate:manage,revoke;configuration:manage</source>
        <translation type="vanished">Venafi-Syntax: certificate:manage,revoke;configuration:manage</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="169"/>
        <source>&amp;Login host:</source>
        <translation>&amp;Login-Host:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="171"/>
        <source>Consumer &amp;key:</source>
        <translation>Consumer-&amp;Key:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="172"/>
        <source>Consumer s&amp;ecret:</source>
        <translation>Consumer-S&amp;ecret:</translation>
    </message>
    <message>
        <source>Optional. Space-separated, e.g. api refresh_token</source>
        <translation type="vanished">Optional. Durch Leerzeichen getrennt, z. B. api refresh_token</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="176"/>
        <source>&amp;Issuer URL:</source>
        <translation>&amp;Issuer-URL:</translation>
    </message>
    <message>
        <source>Optional. Space-separated, e.g. openid offline_access</source>
        <translation type="vanished">Optional. Durch Leerzeichen getrennt, z. B. openid offline_access</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="188"/>
        <source>Stored in the keychain; leave empty to keep it</source>
        <translation>Im Schlüsselbund gespeichert; leer lassen, um es beizubehalten</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="189"/>
        <source>Only for confidential clients</source>
        <translation>Nur für vertrauliche Clients</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialogForm.cpp" line="192"/>
        <source>Only if the app requires it for this flow</source>
        <translation>Nur, wenn die App es für diesen Ablauf verlangt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="69"/>
        <source>Sign in again — %1</source>
        <translation>Erneut anmelden – %1</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="72"/>
        <source>Signs in with: %1</source>
        <translation>Anmeldung mit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="88"/>
        <source>Part of the account&apos;s identity: change it with Edit</source>
        <translation>Teil der Identität des Kontos: ändern Sie es mit „Bearbeiten“</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="95"/>
        <source>Sign in — %1</source>
        <translation>Anmelden — %1</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="102"/>
        <source>Edit account — %1</source>
        <translation>Konto bearbeiten — %1</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="103"/>
        <source>&amp;Save and sign in</source>
        <translation>&amp;Speichern und anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="105"/>
        <source>Changing the server, the client or the user makes this a different sign-in: Tokenkeeper revokes the current one, forgets its tokens and signs in anew. The name, scope and password choice can change freely.</source>
        <translation>Wenn Sie Server, Client oder Benutzer ändern, ist das eine andere Anmeldung: Tokenkeeper widerruft die bisherige, verwirft ihre Tokens und meldet sich neu an. Name, Berechtigungen und die Passwort-Option können Sie frei ändern.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="230"/>
        <source>Start &amp;again</source>
        <translation>Neu s&amp;tarten</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="279"/>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1 läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginDialog.cpp" line="289"/>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
</context>
<context>
    <name>LoginValidator</name>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="289"/>
        <source>The URL contains a space. A URL has none, for example https://auth.example.com/realm.</source>
        <translation>Die URL enthält ein Leerzeichen. Eine URL hat keines, zum Beispiel https://auth.example.com/realm.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="294"/>
        <source>The URL must start with https:// followed by the server name, for example https://auth.example.com.</source>
        <translation>Die URL muss mit https:// und dem Servernamen beginnen, zum Beispiel https://auth.example.com.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="298"/>
        <source>The URL must start with https://, for example https://%1.</source>
        <translation>Die URL muss mit https:// beginnen, zum Beispiel https://%1.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="303"/>
        <source>The port after the server name must be a number, for example https://auth.example.com:8443.</source>
        <translation>Der Port nach dem Servernamen muss eine Zahl sein, zum Beispiel https://auth.example.com:8443.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="308"/>
        <source>The URL contains characters that are not allowed in a URL. Check it for typos; it should look like https://auth.example.com/realm.</source>
        <translation>Die URL enthält Zeichen, die in einer URL nicht erlaubt sind. Prüfen Sie sie auf Tippfehler; sie sollte wie https://auth.example.com/realm aussehen.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="256"/>
        <source>Enter the issuer URL of the server.</source>
        <translation>Geben Sie die Issuer-URL des Servers ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="226"/>
        <source>The URL must use https:// (plain http is only allowed to 127.0.0.1 or [::1]).</source>
        <translation>Die URL muss https:// verwenden (unverschlüsseltes http ist nur für 127.0.0.1 oder [::1] erlaubt).</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="231"/>
        <source>The URL must not contain a user name or password.</source>
        <translation>Die URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="234"/>
        <source>The URL must not contain a fragment (#...).</source>
        <translation>Die URL darf kein Fragment (#…) enthalten.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="237"/>
        <source>The URL must start with https://, for example https://auth.example.com.</source>
        <translation>Die URL muss mit https:// beginnen, zum Beispiel https://auth.example.com.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="245"/>
        <source>The URL has no host name; it should look like https://auth.example.com/realm.</source>
        <translation>Die URL enthält keinen Hostnamen; sie sollte so aussehen: https://auth.example.com/realm.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="258"/>
        <source>Enter the server URL.</source>
        <translation>Geben Sie die Server-URL ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="260"/>
        <source>Enter the token endpoint URL.</source>
        <translation>Geben Sie die URL des Token-Endpunkts ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="262"/>
        <source>Enter the revocation endpoint URL.</source>
        <translation>Geben Sie die URL des Widerrufs-Endpunkts ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="265"/>
        <source>Enter the consumer key.</source>
        <translation>Geben Sie den Consumer Key ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="266"/>
        <source>Enter the client ID.</source>
        <translation>Geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="268"/>
        <source>Enter the consumer secret.</source>
        <translation>Geben Sie das Consumer Secret ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="270"/>
        <source>Enter your username.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="272"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="274"/>
        <source>Enter the scope, for example certificate:manage,revoke.</source>
        <translation>Geben Sie den Scope ein, zum Beispiel certificate:manage,revoke.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="279"/>
        <source>Choose how to sign in.</source>
        <translation>Wählen Sie, wie Sie sich anmelden.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="316"/>
        <source>The scope must look like certificate:manage,revoke;configuration:manage (no spaces).</source>
        <translation>Der Scope muss wie certificate:manage,revoke;configuration:manage aussehen (ohne Leerzeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="320"/>
        <source>The scope must be names separated by single spaces.</source>
        <translation>Der Scope muss aus Namen bestehen, die durch einzelne Leerzeichen getrennt sind.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="323"/>
        <source>Venafi TPP has no browser sign-in; choose Device code or Password.</source>
        <translation>Venafi TPP bietet keine Anmeldung über den Browser; wählen Sie Gerätecode oder Passwort.</translation>
    </message>
</context>
<context>
    <name>LoopbackListener</name>
    <message>
        <location filename="../../app/oauth/LoopbackListener.cpp" line="377"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/oauth/LoopbackListener.cpp" line="378"/>
        <source>Tokenkeeper received the sign-in. You can close this tab.</source>
        <translation>Tokenkeeper hat die Anmeldung erhalten. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/LoopbackListener.cpp" line="380"/>
        <source>Sign-in not completed</source>
        <translation>Anmeldung nicht abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../app/oauth/LoopbackListener.cpp" line="381"/>
        <source>Tokenkeeper shows what went wrong. You can close this tab.</source>
        <translation>Tokenkeeper zeigt an, was schiefgegangen ist. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/LoopbackListener.cpp" line="383"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../app/oauth/LoopbackListener.cpp" line="383"/>
        <source>There is nothing here. You can close this tab.</source>
        <translation>Hier gibt es nichts. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <location filename="../../app/oauth/LoopbackListener.cpp" line="385"/>
        <source>Not accepted</source>
        <translation>Nicht angenommen</translation>
    </message>
    <message>
        <location filename="../../app/oauth/LoopbackListener.cpp" line="386"/>
        <source>This is not a valid sign-in response for the current attempt. You can close this tab.</source>
        <translation>Dies ist keine gültige Anmeldeantwort für den aktuellen Versuch. Sie können diesen Tab schließen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="42"/>
        <source>Tokenkeeper main window</source>
        <translation>Tokenkeeper-Hauptfenster</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="61"/>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="vanished">Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="68"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="147"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="73"/>
        <source>&amp;Refresh now</source>
        <translation>Jetzt a&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="148"/>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="87"/>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="151"/>
        <location filename="../../ui/MainWindowActions.cpp" line="269"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Re&amp;move account…</source>
        <translation type="vanished">Konto &amp;entfernen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="152"/>
        <location filename="../../ui/MainWindowActions.cpp" line="292"/>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="92"/>
        <source>Retry &amp;keychain</source>
        <translation>Schlüsselbund erneut &amp;lesen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="154"/>
        <source>Retry reading the keychain</source>
        <translation>Schlüsselbund erneut lesen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="93"/>
        <source>Unlock your keyring, then read the stored session again</source>
        <translation>Entsperren Sie Ihren Schlüsselbund und lesen Sie dann die gespeicherte Sitzung erneut</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation type="vanished">Beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <source>Start Tokenkeeper at login</source>
        <translation type="vanished">Tokenkeeper beim Anmelden starten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="112"/>
        <source>Starts Tokenkeeper in the tray when you log in, so that tokens stay fresh</source>
        <translation>Startet Tokenkeeper mit Ihrer Desktop-Sitzung im Infobereich, damit die Token aktuell bleiben</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="87"/>
        <source>Demo mode</source>
        <translation>Demo-Modus</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="88"/>
        <source>Demo mode: every demo account signs in with the password “demo”; the Salesforce consumer secret is “demo-secret”. Nothing here touches your real accounts.</source>
        <translation>Demo-Modus: Jedes Demo-Konto meldet sich mit dem Passwort „demo“ an; das Salesforce-Consumer-Secret lautet „demo-secret“. Ihre echten Konten bleiben unberührt.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="104"/>
        <source>Filter accounts (Ctrl+F)</source>
        <translation>Konten filtern (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="105"/>
        <source>Filter accounts</source>
        <translation>Konten filtern</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="126"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="149"/>
        <source>Copy access token</source>
        <translation>Zugriffstoken kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="150"/>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="157"/>
        <source>Select an account to see its details.</source>
        <translation>Wählen Sie ein Konto, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="171"/>
        <source>Event &amp;log (tokens and passwords are never recorded)</source>
        <translation>Ereignis&amp;protokoll (Tokens und Passwörter werden nie aufgezeichnet)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="173"/>
        <source>Show the events of</source>
        <translation>Ereignisse anzeigen von</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="174"/>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="175"/>
        <source>&amp;Copy log</source>
        <translation>Protokoll k&amp;opieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="176"/>
        <source>Copy log for a support request</source>
        <translation>Protokoll für eine Supportanfrage kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="214"/>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="230"/>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="236"/>
        <source>Add the Venafi TPP, Salesforce or OAuth 2.0 account whose tokens Tokenkeeper should keep fresh. You sign in once; Tokenkeeper renews the tokens from then on.</source>
        <translation>Fügen Sie das Venafi-TPP-, Salesforce- oder OAuth-2.0-Konto hinzu, dessen Tokens Tokenkeeper frisch halten soll. Sie melden sich einmal an; danach erneuert Tokenkeeper die Tokens.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="242"/>
        <source>What to do first</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="243"/>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="244"/>
        <source>&amp;Add an account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="255"/>
        <source>Tokenkeeper (demo)</source>
        <translation>Tokenkeeper (Demo)</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation type="vanished">Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="212"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="61"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="66"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="66"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="78"/>
        <source>&amp;Copy access token</source>
        <translation>Zugriffstoken &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="79"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="80"/>
        <source>A fresh access token to the clipboard; cleared after 30 seconds</source>
        <translation>Ein frisches Zugriffstoken in die Zwischenablage; nach 30 Sekunden gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="82"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="82"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="89"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="98"/>
        <source>&amp;Filter accounts</source>
        <translation>Konten &amp;filtern</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="104"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="107"/>
        <source>&amp;About Tokenkeeper</source>
        <translation>Ü&amp;ber Tokenkeeper</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="110"/>
        <source>Start with the &amp;desktop session</source>
        <translation>Mit der &amp;Desktop-Sitzung starten</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="125"/>
        <source>Show &amp;informational notifications</source>
        <translation>&amp;Informative Benachrichtigungen zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="127"/>
        <source>Copies and hints; a needed sign-in is always shown</source>
        <translation>Kopien und Hinweise; eine nötige Anmeldung wird immer gemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="141"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="147"/>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="155"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="198"/>
        <source>Nothing copied: no valid access token right now.</source>
        <translation>Nichts kopiert: Zurzeit gibt es kein gültiges Zugriffstoken.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="214"/>
        <source>Copied — clears in %1 s</source>
        <translation>Kopiert — wird in %1 s gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="231"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="247"/>
        <source>Revoke sign-in</source>
        <translation>Anmeldung widerrufen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="248"/>
        <source>Revoke the sign-in of “%1” at %2?

The server is asked to invalidate the tokens and they are deleted from this computer. You will need to sign in again to use this account.</source>
        <translation>Die Anmeldung von „%1“ bei %2 widerrufen?

Der Server wird gebeten, die Tokens ungültig zu machen, und sie werden von diesem Computer gelöscht. Um dieses Konto zu verwenden, müssen Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="252"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="263"/>
        <source>Signed out of “%1”. The server confirmed the revocation.</source>
        <translation>Von „%1“ abgemeldet. Der Server hat den Widerruf bestätigt.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="265"/>
        <source>Signed out of “%1” on this computer, but the server did not confirm the revocation: the token may stay valid until it expires.</source>
        <translation>Auf diesem Computer von „%1“ abgemeldet, aber der Server hat den Widerruf nicht bestätigt: Das Token bleibt möglicherweise gültig, bis es abläuft.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="287"/>
        <source>Remove “%1”?

Tokenkeeper first revokes its sign-in at %2, then deletes the account and everything stored for it.</source>
        <translation>„%1“ entfernen?

Tokenkeeper widerruft zuerst die Anmeldung bei %2 und löscht dann das Konto und alles, was dafür gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="290"/>
        <source>Remove “%1”?

Tokenkeeper deletes the account and everything stored for it.</source>
        <translation>„%1“ entfernen?

Tokenkeeper löscht das Konto und alles, was dafür gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="292"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="299"/>
        <source>Removed “%1”.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="324"/>
        <source>Event log copied to the clipboard.</source>
        <translation>Ereignisprotokoll in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="335"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="346"/>
        <source>About Tokenkeeper</source>
        <translation>Über Tokenkeeper</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindowActions.cpp" line="347"/>
        <source>&lt;p&gt;&lt;b&gt;Tokenkeeper %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Keeps OAuth 2.0 tokens fresh and safe in your desktop keychain.&lt;/p&gt;&lt;p&gt;Source, issues and documentation: &lt;a href=&quot;https://github.com/tokenkeeper/tokenkeeper&quot;&gt;github.com/tokenkeeper/tokenkeeper&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tokenkeeper %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Hält OAuth-2.0-Tokens frisch und sicher im Schlüsselbund Ihres Desktops.&lt;/p&gt;&lt;p&gt;Quellcode, Fehlermeldungen und Dokumentation: &lt;a href=&quot;https://github.com/tokenkeeper/tokenkeeper&quot;&gt;github.com/tokenkeeper/tokenkeeper&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="381"/>
        <source>Tokenkeeper keeps your tokens fresh from the tray. Use Quit in its menu to stop it.</source>
        <translation>Tokenkeeper hält Ihre Tokens weiter im Systembereich der Kontrollleiste aktuell. Zum Beenden wählen Sie „Beenden“ in seinem Menü.</translation>
    </message>
</context>
<context>
    <name>RuntimeDirectory</name>
    <message>
        <location filename="../../app/agent/RuntimeDirectory.cpp" line="29"/>
        <source>XDG_RUNTIME_DIR is not set: no place for the agent socket</source>
        <translation>XDG_RUNTIME_DIR ist nicht gesetzt: kein Ort für den Agent-Socket</translation>
    </message>
    <message>
        <location filename="../../app/agent/RuntimeDirectory.cpp" line="35"/>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location filename="../../app/agent/RuntimeDirectory.cpp" line="41"/>
        <source>cannot inspect %1: %2</source>
        <translation>%1 kann nicht geprüft werden: %2</translation>
    </message>
    <message>
        <location filename="../../app/agent/RuntimeDirectory.cpp" line="46"/>
        <source>%1 is not a directory (a symbolic link?)</source>
        <translation>%1 ist kein Verzeichnis (ein symbolischer Link?)</translation>
    </message>
    <message>
        <location filename="../../app/agent/RuntimeDirectory.cpp" line="52"/>
        <source>%1 is owned by uid %2, not %3</source>
        <translation>%1 gehört UID %2, nicht %3</translation>
    </message>
    <message>
        <location filename="../../app/agent/RuntimeDirectory.cpp" line="59"/>
        <source>%1 has mode %2; it must be 0700 (others could reach the agent)</source>
        <translation>%1 hat die Rechte %2; nötig sind 0700 (sonst könnten andere den Agent erreichen)</translation>
    </message>
</context>
<context>
    <name>SalesforceDialect</name>
    <message>
        <source>Enter the consumer key (client ID) of the connected app.</source>
        <translation type="vanished">Geben Sie den Consumer Key (Client-ID) der Connected App ein.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation type="vanished">Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>The assumed session timeout must be between 1 minute and 24 hours.</source>
        <translation type="vanished">Das angenommene Sitzungs-Zeitlimit muss zwischen 1 Minute und 24 Stunden liegen.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="201"/>
        <source>There was no grant to revoke.</source>
        <translation>Es gab keine Berechtigung, die widerrufen werden konnte.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="203"/>
        <source>The server had already ended the grant.</source>
        <translation>Der Server hatte die Berechtigung bereits beendet.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="209"/>
        <source>The server answered HTTP %1.</source>
        <translation>Der Server antwortete mit HTTP %1.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="211"/>
        <source>The server could not be reached.</source>
        <translation>Der Server war nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="192"/>
        <source>The server has no revocation endpoint; the tokens were deleted here only.</source>
        <translation>Der Server hat keinen Widerrufs-Endpunkt; die Tokens wurden nur auf diesem Computer gelöscht.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="196"/>
        <source>A renewal was interrupted; the server may have issued tokens that are still valid until they expire.</source>
        <translation>Eine Erneuerung wurde unterbrochen; der Server hat möglicherweise Tokens ausgestellt, die bis zu ihrem Ablauf gültig bleiben.</translation>
    </message>
    <message>
        <source>the connection was interrupted while the session was being renewed</source>
        <translation type="vanished">die Verbindung wurde unterbrochen, während die Sitzung erneuert wurde</translation>
    </message>
    <message>
        <source>it reached its maximum lifetime</source>
        <translation type="vanished">sie hat ihre maximale Dauer erreicht</translation>
    </message>
    <message>
        <source>the stored password was rejected</source>
        <translation type="vanished">das gespeicherte Passwort wurde abgelehnt</translation>
    </message>
    <message>
        <source>the server issued no refresh token</source>
        <translation type="vanished">der Server hat kein Aktualisierungstoken ausgestellt</translation>
    </message>
    <message>
        <source>the stored tokens could not be read</source>
        <translation type="vanished">die gespeicherten Token konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>the server no longer accepts your credentials (password changed or account deactivated)</source>
        <translation type="vanished">der Server akzeptiert Ihre Anmeldedaten nicht mehr (Passwort geändert oder Konto deaktiviert)</translation>
    </message>
    <message>
        <source>the refresh token expired or was revoked</source>
        <translation type="vanished">das Aktualisierungstoken ist abgelaufen oder wurde widerrufen</translation>
    </message>
</context>
<context>
    <name>SessionState</name>
    <message>
        <source>Signed out</source>
        <translation type="vanished">Abgemeldet</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="vanished">Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="vanished">Aktiv</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="vanished">Wird erneuert…</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="vanished">Neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="vanished">Offline</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation type="vanished">Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="vanished">Abmeldung läuft…</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="vanished">Eingriff nötig</translation>
    </message>
</context>
<context>
    <name>SignInController</name>
    <message>
        <location filename="../../ui/SignInController.cpp" line="75"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/SignInController.cpp" line="128"/>
        <source>Tokenkeeper is retrying by itself (%1). Signing in again is only needed if the problem is your password.</source>
        <translation>Tokenkeeper versucht es selbst erneut (%1). Eine neue Anmeldung ist nur nötig, wenn das Problem Ihr Passwort ist.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInController.cpp" line="159"/>
        <source>“%1” already signs in as %2 with this client at %3. Choose it in the list and sign in there, or enter another user name or client ID.</source>
        <translation>„%1“ meldet sich schon als %2 mit diesem Client bei %3 an. Wählen Sie es in der Liste und melden Sie sich dort an, oder geben Sie einen anderen Benutzernamen oder eine andere Client-ID ein.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInController.cpp" line="169"/>
        <source>Another account is already called “%1”. Choose another name, or leave it empty for one of Tokenkeeper&apos;s choosing.</source>
        <translation>Ein anderes Konto heißt schon „%1“. Wählen Sie einen anderen Namen, oder lassen Sie das Feld leer, dann wählt Tokenkeeper einen.</translation>
    </message>
</context>
<context>
    <name>SignInErrorText</name>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="49"/>
        <source>The server said: “%1”</source>
        <translation>Der Server meldete: „%1“</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="59"/>
        <source>%1 did not accept this username or password. Check them and try again (repeated attempts may lock the account).</source>
        <translation>%1 hat diesen Benutzernamen oder dieses Passwort nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut (wiederholte Versuche können das Konto sperren).</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="64"/>
        <source>You are offline. Connect to the network and try again.</source>
        <translation>Sie sind offline. Stellen Sie eine Netzwerkverbindung her und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="66"/>
        <source>%1 is temporarily unavailable (status %2). Try again in a few minutes.</source>
        <translation>%1 ist vorübergehend nicht verfügbar (Status %2). Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="69"/>
        <source>Cannot reach %1. Check the server address and your network connection.</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie die Serveradresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="74"/>
        <source>The certificate of %1 is not trusted, so nothing was sent.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="77"/>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="79"/>
        <source>Compare the fingerprint with your administrator. If your organisation uses its own certificate authority, add it to the system&apos;s trusted certificates.</source>
        <translation>Gleichen Sie den Fingerabdruck mit Ihrer Administration ab. Wenn Ihre Organisation eine eigene Zertifizierungsstelle verwendet, fügen Sie diese den vertrauenswürdigen Zertifikaten des Systems hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="86"/>
        <source>The server redirected the sign-in to %1; nothing was sent. Check the server URL.</source>
        <translation>Der Server hat die Anmeldung auf %1 umgeleitet; es wurde nichts gesendet. Prüfen Sie die Server-URL.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="88"/>
        <source>another address</source>
        <translation>eine andere Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="92"/>
        <source>%1 did not accept the consumer key or consumer secret. Check them in the connected app&apos;s settings.</source>
        <translation>%1 hat Consumer Key oder Consumer Secret nicht akzeptiert. Prüfen Sie sie in den Einstellungen der verbundenen App.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="94"/>
        <source>%1 did not accept the client ID or client secret. Check them with your administrator.</source>
        <translation>%1 hat die Client-ID oder das Client-Geheimnis nicht akzeptiert. Prüfen Sie beides mit Ihrer Administration.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="99"/>
        <source>No sign-in service was found at this address on %1. Check the server URL.</source>
        <translation>Unter dieser Adresse wurde auf %1 kein Anmeldedienst gefunden. Prüfen Sie die Server-URL.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="103"/>
        <source>This client is not allowed to sign in with a username and password on %1. Ask your administrator to allow it.</source>
        <translation>Dieser Client darf sich bei %1 nicht mit Benutzername und Passwort anmelden. Bitten Sie Ihre Administration, dies zu erlauben.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="107"/>
        <source>%1 rejected the sign-in request as misconfigured. Check the account settings.</source>
        <translation>%1 hat die Anmeldeanfrage als fehlerhaft konfiguriert abgelehnt. Prüfen Sie die Kontoeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInErrorText.cpp" line="111"/>
        <source>The scope “%1” is not allowed for this user or client on %2. Request less, or ask your administrator.</source>
        <translation>Der Scope „%1“ ist für diesen Benutzer oder Client bei %2 nicht erlaubt. Fordern Sie weniger an oder wenden Sie sich an Ihre Administration.</translation>
    </message>
</context>
<context>
    <name>SignInMessages</name>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="121"/>
        <source>The server did not accept the sign-in (it expired, was already used, or did not match this attempt). Sign in again.</source>
        <translation>Der Server hat die Anmeldung nicht angenommen (sie ist abgelaufen, wurde schon verwendet oder passt nicht zu diesem Versuch). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="126"/>
        <source>Access was denied at the server. Sign in again to retry.</source>
        <translation>Der Server hat den Zugriff verweigert. Melden Sie sich erneut an, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="129"/>
        <source>Sign-in timed out: no answer came from the browser within 10 minutes.</source>
        <translation>Zeitüberschreitung bei der Anmeldung: Innerhalb von 10 Minuten kam keine Antwort vom Browser.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="133"/>
        <source>The code expired before the sign-in was approved. Start again for a new code.</source>
        <translation>Der Code ist abgelaufen, bevor die Anmeldung bestätigt wurde. Starten Sie neu, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="137"/>
        <source>The server no longer accepts this code. Start again for a new code.</source>
        <translation>Der Server nimmt diesen Code nicht mehr an. Starten Sie neu, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="141"/>
        <source>The sign-in answer did not come from the expected server (issuer check failed); it was discarded.</source>
        <translation>Die Anmeldeantwort kam nicht vom erwarteten Server (Prüfung des Ausstellers fehlgeschlagen); sie wurde verworfen.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="146"/>
        <source>The server&apos;s sign-in answer was incomplete. Sign in again.</source>
        <translation>Die Anmeldeantwort des Servers war unvollständig. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="149"/>
        <source>Tokenkeeper could not open a local port for the browser to return to. Close programs that use it, or change the redirect ports in the account settings.</source>
        <translation>Tokenkeeper konnte keinen lokalen Port öffnen, zu dem der Browser zurückkehren kann. Schließen Sie Programme, die ihn belegen, oder ändern Sie die Weiterleitungsports in den Kontoeinstellungen.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="155"/>
        <source>This server does not offer sign-in through the browser.</source>
        <translation>Dieser Server bietet keine Anmeldung über den Browser an.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="159"/>
        <source>This server does not offer sign-in with a device code.</source>
        <translation>Dieser Server bietet keine Anmeldung mit einem Gerätecode an.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="162"/>
        <source>The server sent no safe (https) page to enter the code on.</source>
        <translation>Der Server hat keine sichere (https-)Seite zur Eingabe des Codes genannt.</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="165"/>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
</context>
<context>
    <name>SignInMethodPanel</name>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="26"/>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="27"/>
        <source>Open &amp;browser</source>
        <translation>&amp;Browser öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="33"/>
        <source>Sign-in method</source>
        <translation>Anmeldeverfahren</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="38"/>
        <source>Sign-in instructions</source>
        <translation>Anleitung zur Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="44"/>
        <source>Code to enter</source>
        <translation>Einzugebender Code</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="46"/>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="50"/>
        <source>Sign-in page with the code filled in</source>
        <translation>Anmeldeseite mit bereits eingetragenem Code</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="51"/>
        <source>QR code of the sign-in page</source>
        <translation>QR-Code der Anmeldeseite</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="52"/>
        <location filename="../../ui/SignInMethodPanel.cpp" line="160"/>
        <source>Scan with a phone to open the sign-in page with the code filled in</source>
        <translation>Mit einem Telefon scannen, um die Anmeldeseite mit eingetragenem Code zu öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="53"/>
        <source>Time left for the code</source>
        <translation>Verbleibende Gültigkeit des Codes</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="87"/>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="88"/>
        <source>Device code</source>
        <translation>Gerätecode</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="89"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="125"/>
        <source>Finish signing in in your browser. If no browser opened, copy this address into one:</source>
        <translation>Schließen Sie die Anmeldung im Browser ab. Falls sich kein Browser geöffnet hat, kopieren Sie diese Adresse in einen:</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="162"/>
        <source>Scan with a phone to open the sign-in page, then enter the code</source>
        <translation>Mit einem Telefon scannen, um die Anmeldeseite zu öffnen; dort den Code eingeben</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="185"/>
        <source>The code has expired.</source>
        <translation>Der Code ist abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="190"/>
        <source>The code is valid until %1 (%2 left).</source>
        <translation>Der Code ist bis %1 gültig (noch %2).</translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If no browser opened, copy this address into one:
%1</source>
        <translation type="vanished">Schließen Sie die Anmeldung im Browser ab. Falls sich kein Browser geöffnet hat, kopieren Sie diese Adresse in einen:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="130"/>
        <source>Cop&amp;y address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="143"/>
        <source>Enter this code at %1. Enter it only on that page of your server: nobody else should ever ask you for it.</source>
        <translation>Geben Sie diesen Code unter %1 ein. Geben Sie ihn nur auf dieser Seite Ihres Servers ein: Niemand sonst sollte Sie je danach fragen.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="149"/>
        <source>Or open %1 — the code is filled in there.</source>
        <translation>Oder öffnen Sie %1 – dort ist der Code schon eingetragen.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInMethodPanel.cpp" line="175"/>
        <source>Cop&amp;y code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../ui/SingleInstance.cpp" line="42"/>
        <source>Cannot create the private directory %1.</source>
        <translation>Das private Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../../ui/SingleInstance.cpp" line="53"/>
        <source>%1 is not a directory (it must be a private directory, mode 0700).</source>
        <translation>%1 ist kein Verzeichnis (es muss ein privates Verzeichnis mit Modus 0700 sein).</translation>
    </message>
    <message>
        <location filename="../../ui/SingleInstance.cpp" line="58"/>
        <source>The directory %1 belongs to another user (it must be yours, mode 0700).</source>
        <translation>Das Verzeichnis %1 gehört einem anderen Benutzer (es muss Ihnen gehören, Modus 0700).</translation>
    </message>
    <message>
        <location filename="../../ui/SingleInstance.cpp" line="64"/>
        <source>The directory %1 is not private (it must be mode 0700).</source>
        <translation>Das Verzeichnis %1 ist nicht privat (es muss die Rechte 0700 haben).</translation>
    </message>
</context>
<context>
    <name>StorageStatus</name>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="335"/>
        <source>Saved in the system keychain</source>
        <translation>Im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="337"/>
        <source>Not saved: unlock your keyring, or you will need to sign in after a restart</source>
        <translation>Nicht gespeichert: Entsperren Sie Ihren Schlüsselbund, sonst müssen Sie sich nach einem Neustart erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="341"/>
        <source>Keyring locked: unlock it to restore the session</source>
        <translation>Schlüsselbund gesperrt: Entsperren Sie ihn, um die Sitzung wiederherzustellen</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="344"/>
        <source>Access to the keyring was denied</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="346"/>
        <source>Secure storage unavailable: tokens are kept for this session only</source>
        <translation>Sicherer Speicher nicht verfügbar: Die Tokens werden nur für diese Sitzung aufbewahrt</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="350"/>
        <source>Waiting for the keyring to answer…</source>
        <translation>Warten auf Antwort des Schlüsselbunds…</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="352"/>
        <source>Stored tokens could not be read; sign in again</source>
        <translation>Die gespeicherten Tokens konnten nicht gelesen werden; melden Sie sich erneut an</translation>
    </message>
    <message>
        <location filename="../../ui/ErrorText.cpp" line="355"/>
        <source>This session only (not saved)</source>
        <translation>Nur diese Sitzung (nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>TerminalSignIn</name>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="33"/>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="140"/>
        <source>the account was removed</source>
        <translation>das Konto wurde entfernt</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="61"/>
        <source>a sign-in to %1 is already under way (in the Tokenkeeper window or another tokenctl); finish or cancel it there first</source>
        <translation>eine Anmeldung bei %1 läuft bereits (im Tokenkeeper-Fenster oder in einem anderen tokenctl); schließen Sie sie dort ab oder brechen Sie sie ab</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="69"/>
        <source>%1 is being signed out; try again in a moment</source>
        <translation>%1 wird gerade abgemeldet; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="74"/>
        <source>%1 sign-in requested by tokenctl from a terminal</source>
        <translation>%1-Anmeldung von tokenctl aus einem Terminal angefordert</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="79"/>
        <source>the sign-in did not start</source>
        <translation>die Anmeldung hat nicht begonnen</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="91"/>
        <source>the sign-in to %1 ended before it finished</source>
        <translation>die Anmeldung bei %1 endete, bevor sie abgeschlossen war</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="145"/>
        <source>sign-in from a terminal failed: %1</source>
        <translation>Anmeldung aus einem Terminal fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="149"/>
        <source>signed in from a terminal</source>
        <translation>aus einem Terminal angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="167"/>
        <source>sign-in cancelled: tokenctl went away (Ctrl-C)</source>
        <translation>Anmeldung abgebrochen: tokenctl wurde beendet (Strg+C)</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="182"/>
        <source>a refresh under way did not finish; try again later</source>
        <translation>eine laufende Erneuerung wurde nicht fertig; versuchen Sie es später erneut</translation>
    </message>
    <message>
        <location filename="../../app/agent/TerminalSignIn.cpp" line="185"/>
        <source>the keychain did not answer; unlock it, then try again</source>
        <translation>der Schlüsselbund hat nicht geantwortet; entsperren Sie ihn und versuchen Sie es erneut</translation>
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
        <source>Tokenkeeper menu</source>
        <translation type="vanished">Tokenkeeper-Menü</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="170"/>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation type="vanished">Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="vanished">Anmelden…</translation>
    </message>
    <message>
        <source>Copy access token</source>
        <translation type="vanished">Zugriffstoken kopieren</translation>
    </message>
    <message>
        <source>Cleared from the clipboard after 30 seconds</source>
        <translation type="vanished">Wird nach 30 Sekunden aus der Zwischenablage gelöscht</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="vanished">Widerrufen…</translation>
    </message>
    <message>
        <source>Open Tokenkeeper</source>
        <translation type="vanished">Tokenkeeper öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="vanished">Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="238"/>
        <source>Sign-in needed: %1</source>
        <translation>Anmeldung erforderlich: %1</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="235"/>
        <location filename="../../ui/TrayController.cpp" line="239"/>
        <source>Click to sign in.</source>
        <translation>Zum Anmelden klicken.</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="173"/>
        <source>…and %1 more accounts</source>
        <translation>…und %1 weitere Konten</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="189"/>
        <source>Nothing copied: %1</source>
        <translation>Nichts kopiert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="190"/>
        <source>No valid access token is available right now.</source>
        <translation>Zurzeit ist kein gültiges Zugriffstoken verfügbar.</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="194"/>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="195"/>
        <source>The access token is on the clipboard. It clears in %1 s.</source>
        <translation>Das Zugriffstoken liegt in der Zwischenablage. Sie wird in %1 s geleert.</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="234"/>
        <source>%1 accounts need you to sign in</source>
        <translation>%1 Konten warten auf Ihre Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="250"/>
        <source>Sign-in ends soon: %1</source>
        <translation>Anmeldung endet bald: %1</translation>
    </message>
    <message>
        <location filename="../../ui/TrayController.cpp" line="251"/>
        <source>Your sign-in to %1 ends %2 (%3). Click to sign in again now and avoid an interruption.</source>
        <translation>Ihre Anmeldung bei %1 endet %2 (%3). Klicken Sie, um sich jetzt erneut anzumelden und eine Unterbrechung zu vermeiden.</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="13"/>
        <source>Tokenkeeper menu</source>
        <translation>Tokenkeeper-Menü</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="24"/>
        <source>&amp;Open Tokenkeeper</source>
        <translation>Tokenkeeper ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="25"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="38"/>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="40"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="41"/>
        <source>&amp;Copy access token</source>
        <translation>Zugriffstoken &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="43"/>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="79"/>
        <source>1 more account in the window…</source>
        <translation>1 weiteres Konto im Fenster…</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="80"/>
        <source>%1 more accounts in the window…</source>
        <translation>%1 weitere Konten im Fenster…</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="111"/>
        <source>1 account needs you to sign in…</source>
        <translation>1 Konto wartet auf Ihre Anmeldung…</translation>
    </message>
    <message>
        <location filename="../../ui/TrayMenu.cpp" line="112"/>
        <source>%1 accounts need you to sign in…</source>
        <translation>%1 Konten warten auf Ihre Anmeldung…</translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="74"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="76"/>
        <source>All accounts signed in</source>
        <translation>Alle Konten angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="78"/>
        <source>Renewing tokens</source>
        <translation>Tokens werden erneuert</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="80"/>
        <source>A sign-in ends soon</source>
        <translation>Eine Anmeldung endet bald</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="82"/>
        <source>Offline or retrying</source>
        <translation>Offline oder neuer Versuch folgt</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="84"/>
        <source>Sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/TrayStatus.cpp" line="86"/>
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
        <source>Enter the client ID (the API integration&apos;s application ID).</source>
        <translation type="vanished">Geben Sie die Client-ID ein (die Application ID der API-Integration).</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation type="vanished">Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter the scope, for example certificate:manage,revoke.</source>
        <translation type="vanished">Geben Sie den Scope ein, zum Beispiel certificate:manage,revoke.</translation>
    </message>
    <message>
        <source>The scope must look like certificate:manage,revoke;configuration (no spaces).</source>
        <translation type="vanished">Der Scope muss wie certificate:manage,revoke;configuration aussehen (ohne Leerzeichen).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../ui/main.cpp" line="62"/>
        <source>Keeps OAuth 2.0 tokens fresh and safe.</source>
        <translation>Hält OAuth-2.0-Tokens aktuell und sicher.</translation>
    </message>
    <message>
        <location filename="../../ui/main.cpp" line="67"/>
        <source>Start in the system tray without opening the window.</source>
        <translation>Im Systembereich der Kontrollleiste starten, ohne das Fenster zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/main.cpp" line="71"/>
        <source>Use the demo server at &lt;url&gt; with separate demo settings and keychain entries.</source>
        <translation>Den Demo-Server unter &lt;url&gt; mit eigenen Demo-Einstellungen und Schlüsselbund-Einträgen verwenden.</translation>
    </message>
    <message>
        <location filename="../../ui/main.cpp" line="77"/>
        <source>Remove every secret Tokenkeeper stored in the keychain, and its accounts, then exit (for uninstalling).</source>
        <translation>Entfernt alle Geheimnisse, die Tokenkeeper im Schlüsselbund gespeichert hat, und seine Konten, und beendet sich dann (zur Deinstallation).</translation>
    </message>
    <message>
        <location filename="../../ui/main.cpp" line="99"/>
        <source>Tokenkeeper did not start: it cannot make sure that it runs only once.
%1</source>
        <translation>Tokenkeeper wurde nicht gestartet: Es kann nicht sicherstellen, dass es nur einmal läuft.
%1</translation>
    </message>
</context>
<context>
    <name>tkwire</name>
    <message>
        <source>sign-in needed for %1 at %2%3: use Tokenkeeper&apos;s sign-in (tray) or tokenctl login</source>
        <translation type="vanished">Anmeldung erforderlich für %1 bei %2%3: melden Sie sich über Tokenkeeper (Infobereich) oder mit tokenctl login an</translation>
    </message>
    <message>
        <source>the keychain is locked or unavailable (%1): unlock it, then try again</source>
        <translation type="vanished">der Schlüsselbund ist gesperrt oder nicht verfügbar (%1): entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>%1 cannot be reached right now (%2); Tokenkeeper retries on its own, try again later</source>
        <translation type="vanished">%1 ist gerade nicht erreichbar (%2); Tokenkeeper versucht es selbst erneut, versuchen Sie es später noch einmal</translation>
    </message>
    <message>
        <source>the account is being signed out</source>
        <translation type="vanished">das Konto wird gerade abgemeldet</translation>
    </message>
    <message>
        <source>%1: %2 (fix the account in Tokenkeeper)</source>
        <translation type="vanished">%1: %2 (korrigieren Sie das Konto in Tokenkeeper)</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation type="vanished">%1 bei %2: %3</translation>
    </message>
</context>
</TS>
