<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HandoffQuestion</name>
    <message>
        <source>ticket #%1 (%2)</source>
        <translation>Ticket #%1 (%2)</translation>
    </message>
    <message>
        <source>In %1, %2 will be unassigned and reopened for the helpdesk&apos;s people to pick up.</source>
        <translation>In %1 wird %2 nicht mehr zugewiesen und wieder geöffnet, damit die Leute des Helpdesks es übernehmen.</translation>
    </message>
    <message>
        <source>In %1, %2 will be unassigned and its field %3 set.</source>
        <translation>In %1 wird %2 nicht mehr zugewiesen und sein Feld %3 gesetzt.</translation>
    </message>
    <message>
        <source>In %1, %2 will be assigned to %3.</source>
        <translation>In %1 wird %2 %3 zugewiesen.</translation>
    </message>
    <message>
        <source>In %1, %2 will be unassigned and given to the group %3.</source>
        <translation>In %1 wird %2 nicht mehr zugewiesen und an die Gruppe %3 übergeben.</translation>
    </message>
    <message>
        <source>If that cannot be done, the ticket is unassigned and marked instead; it is never left with the connected agent. Hand it off now?</source>
        <translation>Geht das nicht, wird das Ticket stattdessen nicht mehr zugewiesen und markiert; es bleibt nie beim verbundenen Agenten. Jetzt übergeben?</translation>
    </message>
</context>
<context>
    <name>IntegrationChoices</name>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
</context>
<context>
    <name>SafeHtml</name>
    <message>
        <source>[image]</source>
        <translation>[Bild]</translation>
    </message>
</context>
<context>
    <name>cb::AdminActions</name>
    <message>
        <source>The sync engine is not ready; wait until the store is open and try again.</source>
        <translation>Die Synchronisation ist noch nicht bereit; warten Sie, bis der Speicher geöffnet ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Settings saved; syncing follows them within a second.</source>
        <translation>Einstellungen gespeichert; die Synchronisation übernimmt sie innerhalb einer Sekunde.</translation>
    </message>
    <message>
        <source>Read %1 agents, %2 groups and %3 companies from the helpdesk.</source>
        <translation>%1 Agenten, %2 Gruppen und %3 Firmen aus dem Helpdesk gelesen.</translation>
    </message>
    <message>
        <source>The new API key works and replaced the old one; the webhook URL is unchanged.</source>
        <translation>Der neue API-Schlüssel funktioniert und hat den alten ersetzt; die Webhook-URL bleibt gleich.</translation>
    </message>
    <message>
        <source>Disconnected: the API key and webhook secret are gone; the cases stay.</source>
        <translation>Getrennt: API-Schlüssel und Webhook-Geheimnis sind entfernt; die Fälle bleiben.</translation>
    </message>
    <message>
        <source>Push %1 queued again.</source>
        <translation>Übertragung %1 erneut eingereiht.</translation>
    </message>
    <message>
        <source>Push %1 discarded; the case keeps its value in Casebridge.</source>
        <translation>Übertragung %1 verworfen; der Fall behält seinen Wert in Casebridge.</translation>
    </message>
    <message>
        <source>The store is not open yet; wait a moment and try again.</source>
        <translation>Der Speicher ist noch nicht geöffnet; warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>cb::ConsoleSyncBackend</name>
    <message>
        <source>The sync engine is not ready; wait until the store is open and try again.</source>
        <translation>Die Synchronisation ist noch nicht bereit; warten Sie, bis der Speicher geöffnet ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 is not an administrator; use an administrator&apos;s API key.</source>
        <translation>%1 ist kein Administrator; verwenden Sie den API-Schlüssel eines Administrators.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <source>Saved; the change is on its way to the helpdesk.</source>
        <translation>Gespeichert; die Änderung ist auf dem Weg zum Helpdesk.</translation>
    </message>
    <message>
        <source>Comment added; it goes to the ticket as a private note.</source>
        <translation>Kommentar hinzugefügt; er geht als private Notiz an das Ticket.</translation>
    </message>
    <message>
        <source>Comment added; it goes to the ticket as a public reply.</source>
        <translation>Kommentar hinzugefügt; er geht als öffentliche Antwort an das Ticket.</translation>
    </message>
    <message>
        <source>Comment added here only (comment push is off).</source>
        <translation>Kommentar nur hier hinzugefügt (das Übertragen von Kommentaren ist aus).</translation>
    </message>
    <message>
        <source>Hand-off queued.</source>
        <translation>Übergabe eingereiht.</translation>
    </message>
    <message>
        <source>An import is already running; wait for it or cancel it first.</source>
        <translation>Es läuft bereits ein Import; warten Sie darauf oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>The store is not open.</source>
        <translation>Der Speicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The helpdesk is not reachable yet; try again in a moment.</source>
        <translation>Das Helpdesk ist noch nicht erreichbar; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Event %1 queued again.</source>
        <translation>Ereignis %1 wurde erneut eingereiht.</translation>
    </message>
    <message>
        <source>Event %1 has not failed; nothing to replay.</source>
        <translation>Ereignis %1 ist nicht fehlgeschlagen; nichts erneut zu verarbeiten.</translation>
    </message>
</context>
<context>
    <name>cb::CoreMessages</name>
    <message>
        <source>%1 rejected the request: %2.</source>
        <translation>%1 hat die Anfrage abgelehnt: %2.</translation>
    </message>
    <message>
        <source>%1 rejected the API key; copy it again from your %1 profile settings.</source>
        <translation>%1 hat den API-Schlüssel abgelehnt; kopieren Sie ihn erneut aus Ihren %1-Profileinstellungen.</translation>
    </message>
    <message>
        <source>This %1 plan or account does not allow API access; upgrade the plan or reactivate the account.</source>
        <translation>Dieser %1-Tarif oder dieses Konto erlaubt keinen API-Zugriff; wechseln Sie den Tarif oder reaktivieren Sie das Konto.</translation>
    </message>
    <message>
        <source>%1 refused this action for the key&apos;s agent; use an administrator&apos;s API key.</source>
        <translation>%1 hat diese Aktion für den Agenten des Schlüssels verweigert; verwenden Sie den API-Schlüssel eines Administrators.</translation>
    </message>
    <message>
        <source>%1 has no such item (%2).</source>
        <translation>%1 kennt dieses Element nicht (%2).</translation>
    </message>
    <message>
        <source>%1&apos;s API limit is used up; Casebridge retries after %2 s.</source>
        <translation>Das API-Kontingent von %1 ist aufgebraucht; Casebridge versucht es nach %2 s erneut.</translation>
    </message>
    <message>
        <source>%1 answered with an error (HTTP %2); Casebridge will retry later.</source>
        <translation>%1 hat mit einem Fehler geantwortet (HTTP %2); Casebridge versucht es später erneut.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s; Casebridge will retry later.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet; Casebridge versucht es später erneut.</translation>
    </message>
    <message>
        <source>%1 cannot be reached; check the domain and your network.</source>
        <translation>%1 ist nicht erreichbar; prüfen Sie die Domain und Ihr Netzwerk.</translation>
    </message>
    <message>
        <source>The connection to %1 failed (%2); Casebridge will retry later.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen (%2); Casebridge versucht es später erneut.</translation>
    </message>
    <message>
        <source>Freshdesk sent an answer Casebridge cannot read (%1); try again later.</source>
        <translation>Freshdesk hat eine Antwort geschickt, die Casebridge nicht lesen kann (%1); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>No Freshdesk account answers at %1; check the domain (yourcompany.freshdesk.com).</source>
        <translation>Unter %1 antwortet kein Freshdesk-Konto; prüfen Sie die Domain (ihrefirma.freshdesk.com).</translation>
    </message>
    <message>
        <source>This API key does not belong to an agent; use an administrator&apos;s API key.</source>
        <translation>Dieser API-Schlüssel gehört zu keinem Agenten; verwenden Sie den API-Schlüssel eines Administrators.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a %2 address; type it as yourcompany.%3.</source>
        <translation>„%1“ ist keine %2-Adresse; geben Sie sie als ihrefirma.%3 ein.</translation>
    </message>
    <message>
        <source>%2 is reached over HTTPS only; write https://%1 or just %1.</source>
        <translation>%2 ist nur über HTTPS erreichbar; schreiben Sie https://%1 oder nur %1.</translation>
    </message>
    <message>
        <source>Freshservice sent an answer Casebridge cannot read (%1); try again later.</source>
        <translation>Freshservice hat eine Antwort geschickt, die Casebridge nicht lesen kann (%1); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>No Freshservice account answers at %1; check the domain (yourcompany.freshservice.com).</source>
        <translation>Unter %1 antwortet kein Freshservice-Konto; prüfen Sie die Domain (ihrefirma.freshservice.com).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a supported helpdesk; use freshdesk or freshservice.</source>
        <translation>„%1“ ist kein unterstütztes Helpdesk; verwenden Sie freshdesk oder freshservice.</translation>
    </message>
    <message>
        <source>ENCRYPTION_KEY must be exactly 64 hexadecimal characters (32 bytes); generate one with `openssl rand -hex 32`.</source>
        <translation>ENCRYPTION_KEY muss genau 64 Hexadezimalzeichen (32 Bytes) lang sein; erzeugen Sie einen mit `openssl rand -hex 32`.</translation>
    </message>
    <message>
        <source>Encrypting the API key failed.</source>
        <translation>Das Verschlüsseln des API-Schlüssels ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The stored API key is damaged; store it again with `rotate-key`.</source>
        <translation>Der gespeicherte API-Schlüssel ist beschädigt; speichern Sie ihn mit `rotate-key` erneut.</translation>
    </message>
    <message>
        <source>Decrypting the API key failed.</source>
        <translation>Das Entschlüsseln des API-Schlüssels ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The stored API key cannot be decrypted: ENCRYPTION_KEY is not the one it was stored with, or the record was altered; set the right key or run `rotate-key`.</source>
        <translation>Der gespeicherte API-Schlüssel lässt sich nicht entschlüsseln: ENCRYPTION_KEY ist nicht der, mit dem er gespeichert wurde, oder der Eintrag wurde verändert; setzen Sie den richtigen Schlüssel oder führen Sie `rotate-key` aus.</translation>
    </message>
    <message>
        <source>No API key is stored for integration %1; store one with `rotate-key`.</source>
        <translation>Für die Integration %1 ist kein API-Schlüssel gespeichert; speichern Sie einen mit `rotate-key`.</translation>
    </message>
    <message>
        <source>No API key is stored in the keychain for this integration; reconnect it or run `rotate-key`.</source>
        <translation>Im Schlüsselbund ist für diese Integration kein API-Schlüssel gespeichert; verbinden Sie sie erneut oder führen Sie `rotate-key` aus.</translation>
    </message>
    <message>
        <source>The keychain refused access; unlock it and allow Casebridge, then try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert; entsperren Sie ihn, erlauben Sie Casebridge den Zugriff und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The system keychain is not available; log in to a desktop session with a keyring, or set ENCRYPTION_KEY for headless use.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar; melden Sie sich in einer Desktop-Sitzung mit Schlüsselbund an oder setzen Sie ENCRYPTION_KEY für den Betrieb ohne Desktop.</translation>
    </message>
    <message>
        <source>The system keychain did not answer; unlock it, or set ENCRYPTION_KEY for headless use.</source>
        <translation>Der System-Schlüsselbund hat nicht geantwortet; entsperren Sie ihn oder setzen Sie ENCRYPTION_KEY für den Betrieb ohne Desktop.</translation>
    </message>
    <message>
        <source>No keyring answers, and ENCRYPTION_KEY is not set: an API key cannot be stored. Unlock or start your desktop&apos;s keyring (GNOME Keyring, KWallet), or quit and start Casebridge with ENCRYPTION_KEY set to 64 hex characters (e.g. `openssl rand -hex 32`).</source>
        <translation>Kein Schlüsselbund antwortet und ENCRYPTION_KEY ist nicht gesetzt: Ein API-Schlüssel kann nicht gespeichert werden. Entsperren oder starten Sie den Schlüsselbund Ihres Desktops (GNOME Keyring, KWallet) oder beenden Sie Casebridge und starten Sie es mit ENCRYPTION_KEY aus 64 Hexadezimalzeichen (z. B. `openssl rand -hex 32`).</translation>
    </message>
    <message>
        <source>No secret store is available: set ENCRYPTION_KEY to 64 hex characters (e.g. `openssl rand -hex 32`) or run inside a desktop session with a keyring.</source>
        <translation>Kein Schlüsselspeicher verfügbar: Setzen Sie ENCRYPTION_KEY auf 64 Hexadezimalzeichen (z. B. `openssl rand -hex 32`) oder starten Sie in einer Desktop-Sitzung mit Schlüsselbund.</translation>
    </message>
    <message>
        <source>The account has no group %1; choose one of its groups (`configure` lists them when the id is wrong).</source>
        <translation>Das Konto hat keine Gruppe %1; wählen Sie eine seiner Gruppen (`configure` listet sie bei einer falschen ID auf).</translation>
    </message>
    <message>
        <source>The account has no agent %1 to hand off to; choose one of its agents.</source>
        <translation>Das Konto hat keinen Agenten %1 für die Übergabe; wählen Sie einen seiner Agenten.</translation>
    </message>
    <message>
        <source>The account has no group %1 to hand off to; choose one of its groups.</source>
        <translation>Das Konto hat keine Gruppe %1 für die Übergabe; wählen Sie eine seiner Gruppen.</translation>
    </message>
    <message>
        <source>The marker field &apos;%1&apos; is not a custom field name; use its API name, such as cf_casebridge_handoff.</source>
        <translation>Das Markierungsfeld „%1“ ist kein Name eines benutzerdefinierten Felds; verwenden Sie seinen API-Namen, etwa cf_casebridge_handoff.</translation>
    </message>
    <message>
        <source>The footer is longer than %1 characters; shorten it.</source>
        <translation>Die Fußzeile ist länger als %1 Zeichen; kürzen Sie sie.</translation>
    </message>
    <message>
        <source>The reconcile interval must be between 30s and 24h.</source>
        <translation>Das Abgleichintervall muss zwischen 30 s und 24 h liegen.</translation>
    </message>
    <message>
        <source>Integration %1 is disconnected; connect the account again to change its settings.</source>
        <translation>Die Integration %1 ist getrennt; verbinden Sie das Konto erneut, um ihre Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>%1 is not an administrator of %2; use an administrator&apos;s API key.</source>
        <translation>%1 ist kein Administrator von %2; verwenden Sie den API-Schlüssel eines Administrators.</translation>
    </message>
    <message>
        <source>The new key is not an administrator&apos;s; use an administrator&apos;s API key.</source>
        <translation>Der neue Schlüssel gehört keinem Administrator; verwenden Sie den API-Schlüssel eines Administrators.</translation>
    </message>
    <message>
        <source>Integration %1 is disconnected; connect the account again.</source>
        <translation>Die Integration %1 ist getrennt; verbinden Sie das Konto erneut.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a status; use open, pending, resolved, closed or a custom status name.</source>
        <translation>„%1“ ist kein Status; verwenden Sie open, pending, resolved, closed oder den Namen eines eigenen Status.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a priority; use low, medium, high or urgent.</source>
        <translation>„%1“ ist keine Priorität; verwenden Sie low, medium, high oder urgent.</translation>
    </message>
    <message>
        <source>Nothing to change: give a status, priority or assignee.</source>
        <translation>Nichts zu ändern: Geben Sie einen Status, eine Priorität oder eine Zuständigkeit an.</translation>
    </message>
    <message>
        <source>A comment needs some text.</source>
        <translation>Ein Kommentar braucht etwas Text.</translation>
    </message>
    <message>
        <source>Case %1 is not linked to a helpdesk ticket, so there is nothing to hand off.</source>
        <translation>Fall %1 ist mit keinem Helpdesk-Ticket verknüpft; es gibt nichts zu übergeben.</translation>
    </message>
    <message>
        <source>The integration is not connected; reconnect it to push this change.</source>
        <translation>Die Integration ist nicht verbunden; verbinden Sie sie erneut, um diese Änderung zu senden.</translation>
    </message>
    <message>
        <source>%1 Retrying in %2 s.</source>
        <translation>%1 Neuer Versuch in %2 s.</translation>
    </message>
    <message>
        <source>There is no integration %1.</source>
        <translation>Es gibt keine Integration %1.</translation>
    </message>
    <message>
        <source>There is no integration %1; list them with `casebridge-sync integrations`.</source>
        <translation>Es gibt keine Integration %1; listen Sie sie mit `casebridge-sync integrations` auf.</translation>
    </message>
    <message>
        <source>Agent %1 is the one Casebridge signs in as; a hand-off gives the ticket to people, so choose another agent, a group or unassign.</source>
        <translation>Agent %1 ist der, als der sich Casebridge anmeldet; eine Übergabe gibt das Ticket an Menschen, wählen Sie also einen anderen Agenten, eine Gruppe oder „nicht zuweisen“.</translation>
    </message>
    <message>
        <source>Workflow 1 — Workflow Automator, event &quot;Ticket is raised&quot;, action node Trigger Webhook (POST, JSON, Advanced):</source>
        <translation>Workflow 1 — Workflow Automator, Ereignis „Ticket is raised“, Aktionsknoten „Trigger Webhook“ (POST, JSON, Advanced):</translation>
    </message>
    <message>
        <source>Workflow 2 — Workflow Automator, event &quot;Ticket is updated&quot; (status, priority, agent or group changed, or a note added), action node Trigger Webhook (POST, JSON, Advanced):</source>
        <translation>Workflow 2 — Workflow Automator, Ereignis „Ticket is updated“ (Status, Priorität, Agent oder Gruppe geändert oder eine Notiz hinzugefügt), Aktionsknoten „Trigger Webhook“ (POST, JSON, Advanced):</translation>
    </message>
    <message>
        <source>Rule 1 — Ticket creation rules, action Trigger webhook (POST, JSON, Advanced):</source>
        <translation>Regel 1 — Regeln für die Ticketerstellung (Ticket creation rules), Aktion „Trigger webhook“ (POST, JSON, Advanced):</translation>
    </message>
    <message>
        <source>Rule 2 — Ticket update rules (status, priority, agent, group changed or note added), action Trigger webhook (POST, JSON, Advanced):</source>
        <translation>Regel 2 — Regeln für Ticketänderungen (Ticket update rules: Status, Priorität, Agent oder Gruppe geändert oder eine Notiz hinzugefügt), Aktion „Trigger webhook“ (POST, JSON, Advanced):</translation>
    </message>
</context>
<context>
    <name>cb::DirectoryNames</name>
    <message>
        <source>agent %1 (unknown)</source>
        <translation>Agent %1 (unbekannt)</translation>
    </message>
    <message>
        <source>group %1 (unknown)</source>
        <translation>Gruppe %1 (unbekannt)</translation>
    </message>
    <message>
        <source>company %1 (unknown)</source>
        <translation>Firma %1 (unbekannt)</translation>
    </message>
    <message>
        <source>user %1 (unknown)</source>
        <translation>Benutzer %1 (unbekannt)</translation>
    </message>
</context>
<context>
    <name>cb::ui::AboutDialog</name>
    <message>
        <source>About Casebridge</source>
        <translation>Über Casebridge</translation>
    </message>
    <message>
        <source>Keeps your cases in two-way sync with Freshdesk and Freshservice.</source>
        <translation>Hält Ihre Fälle in beidseitiger Synchronisation mit Freshdesk und Freshservice.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licenses&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Casebridge: proprietary, © the Casebridge authors.&lt;/p&gt;&lt;p&gt;Built with Qt 6 (LGPL-3.0), QCoro (MIT), QtKeychain (BSD-3-Clause), OpenSSL (Apache-2.0) and SQLite (public domain); PostgreSQL&apos;s client library (PostgreSQL License) in team mode.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Lizenzen&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Casebridge: proprietär, © die Casebridge-Autoren.&lt;/p&gt;&lt;p&gt;Gebaut mit Qt 6 (LGPL-3.0), QCoro (MIT), QtKeychain (BSD-3-Clause), OpenSSL (Apache-2.0) und SQLite (gemeinfrei); im Teammodus mit der Client-Bibliothek von PostgreSQL (PostgreSQL License).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Casebridge %1 · Qt %2 (built with Qt %3)</source>
        <translation>Casebridge %1 · Qt %2 (gebaut mit Qt %3)</translation>
    </message>
</context>
<context>
    <name>cb::ui::AccountPage</name>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Helpdesk domain</source>
        <translation>Helpdesk-Domain</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Verify the domain and API key</source>
        <translation>Domain und API-Schlüssel prüfen</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Prüfe %1…</translation>
    </message>
    <message>
        <source>✔ Connected as %1 &lt;%2&gt;.</source>
        <translation>✔ Verbunden als %1 &lt;%2&gt;.</translation>
    </message>
    <message>
        <source>This key belongs to an agent who is not an administrator. Use an administrator&apos;s API key.</source>
        <translation>Dieser Schlüssel gehört einem Agenten ohne Administratorrechte. Verwenden Sie den API-Schlüssel eines Administrators.</translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
    <message>
        <source>Connect your %1 account</source>
        <translation>Ihr %1-Konto verbinden</translation>
    </message>
    <message>
        <source>The API key was rejected. Copy it again from your %1 profile (%2).</source>
        <translation>Der API-Schlüssel wurde abgelehnt. Kopieren Sie ihn erneut aus Ihrem %1-Profil (%2).</translation>
    </message>
    <message>
        <source>No %1 account answers at %2. Check the domain (e.g. %3).</source>
        <translation>Unter %2 antwortet kein %1-Konto. Prüfen Sie die Domain (z. B. %3).</translation>
    </message>
    <message>
        <source>Use an administrator&apos;s API key (%1).</source>
        <translation>Verwenden Sie den API-Schlüssel eines Administrators (%1).</translation>
    </message>
    <message>
        <source>%1 The built-in sandbox&apos;s key is no secret and is kept in the store.</source>
        <translation>%1 Der Schlüssel der eingebauten Sandbox ist kein Geheimnis und wird im Speicher aufbewahrt.</translation>
    </message>
    <message>
        <source>Checking where the API key can be kept…</source>
        <translation>Es wird geprüft, wo der API-Schlüssel aufbewahrt werden kann…</translation>
    </message>
    <message>
        <source>The API key will be kept in your system keychain, never in the database.</source>
        <translation>Der API-Schlüssel wird im Schlüsselbund Ihres Systems aufbewahrt, nie in der Datenbank.</translation>
    </message>
    <message>
        <source>The API key will be kept encrypted in the case store under ENCRYPTION_KEY.</source>
        <translation>Der API-Schlüssel wird verschlüsselt unter ENCRYPTION_KEY im Fallspeicher aufbewahrt.</translation>
    </message>
    <message>
        <source>⚠ No keyring answers and ENCRYPTION_KEY is not set, so the API key of a real helpdesk cannot be kept. Start or unlock your desktop&apos;s keyring (GNOME Keyring, KWallet) and open this wizard again, or quit and start Casebridge with ENCRYPTION_KEY set to 64 hex characters (e.g. `openssl rand -hex 32`).</source>
        <translation>⚠ Kein Schlüsselbund antwortet und ENCRYPTION_KEY ist nicht gesetzt, daher kann der API-Schlüssel eines echten Helpdesks nicht aufbewahrt werden. Starten oder entsperren Sie den Schlüsselbund Ihres Desktops (GNOME Keyring, KWallet) und öffnen Sie diesen Assistenten erneut, oder beenden Sie Casebridge und starten Sie es mit ENCRYPTION_KEY aus 64 Hex-Zeichen (z. B. `openssl rand -hex 32`).</translation>
    </message>
    <message>
        <source>Next is enabled once it is clear where the key can be kept.</source>
        <translation>Weiter ist möglich, sobald feststeht, wo der Schlüssel aufbewahrt werden kann.</translation>
    </message>
    <message>
        <source>✘ But its key cannot be kept here: see below.</source>
        <translation>✘ Sein Schlüssel kann hier aber nicht aufbewahrt werden: siehe unten.</translation>
    </message>
</context>
<context>
    <name>cb::ui::ActivitySparkline</name>
    <message>
        <source>Sync activity in the last hour</source>
        <translation>Synchronisationsaktivität in der letzten Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n sync event(s) in the last hour</source>
        <translation>
            <numerusform>%n Synchronisationsereignis in der letzten Stunde</numerusform>
            <numerusform>%n Synchronisationsereignisse in der letzten Stunde</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::BackfillPage</name>
    <message>
        <source>&amp;Import open and pending tickets from the last 180 days</source>
        <translation>Offene und wartende Tickets der letzten 180 Tage &amp;importieren</translation>
    </message>
    <message>
        <source>Ready to connect</source>
        <translation>Bereit zum Verbinden</translation>
    </message>
    <message>
        <source>Finish saves the integration and shows the webhook secret once.</source>
        <translation>„Abschließen“ speichert die Integration und zeigt das Webhook-Geheimnis einmalig an.</translation>
    </message>
    <message>
        <source>Import open and pending tickets from the last 180 days</source>
        <translation>Offene und wartende Tickets der letzten 180 Tage importieren</translation>
    </message>
    <message>
        <source>The backfill only reads from %1; it never changes a ticket.</source>
        <translation>Der Erstimport liest nur aus %1; er ändert nie ein Ticket.</translation>
    </message>
</context>
<context>
    <name>cb::ui::CaseConversation</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>No conversation yet.</source>
        <translation>Noch keine Unterhaltung.</translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation>unbekannter Verfasser</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Private Notiz</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
</context>
<context>
    <name>cb::ui::CaseFilterBar</name>
    <message>
        <source>Search cases</source>
        <translation>Fälle durchsuchen</translation>
    </message>
    <message>
        <source>Search subject, requester or ticket number</source>
        <translation>Betreff, Anfragende oder Ticketnummer suchen</translation>
    </message>
    <message>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>Su&amp;che:</translation>
    </message>
    <message>
        <source>Help&amp;desk:</source>
        <translation>Help&amp;desk:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>Every helpdesk</source>
        <translation>Jedes Helpdesk</translation>
    </message>
</context>
<context>
    <name>cb::ui::CasePane</name>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation>&amp;Kommentar hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Hand off</source>
        <translation>&amp;Übergeben</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Give the ticket back to the helpdesk&apos;s people, as set up in the integration.</source>
        <translation>Das Ticket an die Mitarbeiter des Helpdesks zurückgeben, wie in der Integration eingerichtet.</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>&amp;Assignee:</source>
        <translation>&amp;Bearbeiter:</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Ko&amp;mmentar:</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>Priorität %1</translation>
    </message>
    <message>
        <source>assignee %1</source>
        <translation>Bearbeiter %1</translation>
    </message>
    <message>
        <source>no assignee</source>
        <translation>kein Bearbeiter</translation>
    </message>
    <message>
        <source>Not saved yet (in bold). The case has %1.</source>
        <translation>Noch nicht gespeichert (fett). Der Fall hat jetzt %1.</translation>
    </message>
    <message>
        <source>Nothing to save: the case already has these values.</source>
        <translation>Nichts zu speichern: Der Fall hat diese Werte bereits.</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>Schreiben Sie zuerst den Kommentar.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Requester:</source>
        <translation>Anfragende:</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Firma:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Conversation:</source>
        <translation>Unterhaltung:</translation>
    </message>
    <message>
        <source>Hand off</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>The case could not be read: %1</source>
        <translation>Der Fall konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>No case selected.</source>
        <translation>Kein Fall ausgewählt.</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>This ticket was deleted in the helpdesk.</source>
        <translation>Dieses Ticket wurde im Helpdesk gelöscht.</translation>
    </message>
    <message>
        <source>The helpdesk marks this ticket as spam.</source>
        <translation>Das Helpdesk markiert dieses Ticket als Spam.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>local case</source>
        <translation>lokaler Fall</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The conversation could not be read: %1</source>
        <translation>Die Unterhaltung konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>cb::ui::CasesModel</name>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Feedback widget</source>
        <translation>Feedback-Widget</translation>
    </message>
    <message>
        <source>Outbound email</source>
        <translation>Ausgehende E-Mail</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Twitter</source>
        <translation>Twitter</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Mobihelp</source>
        <translation>Mobihelp</translation>
    </message>
    <message>
        <source>Yammer</source>
        <translation>Yammer</translation>
    </message>
    <message>
        <source>AWS CloudWatch</source>
        <translation>AWS CloudWatch</translation>
    </message>
    <message>
        <source>PagerDuty</source>
        <translation>PagerDuty</translation>
    </message>
    <message>
        <source>Walk-up</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Deleted in the helpdesk</source>
        <translation>Im Helpdesk gelöscht</translation>
    </message>
    <message>
        <source>Marked as spam in the helpdesk</source>
        <translation>Im Helpdesk als Spam markiert</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>%1 (spam)</source>
        <translation>%1 (Spam)</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragende</translation>
    </message>
</context>
<context>
    <name>cb::ui::CasesView</name>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
</context>
<context>
    <name>cb::ui::CommentsPage</name>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Comments added in Casebridge can go to the ticket as public replies (the customer sees them) or as private notes.</source>
        <translation>In Casebridge hinzugefügte Kommentare können als öffentliche Antworten (der Kunde sieht sie) oder als private Notizen an das Ticket gehen.</translation>
    </message>
    <message>
        <source>As &amp;public replies</source>
        <translation>Als ö&amp;ffentliche Antworten</translation>
    </message>
    <message>
        <source>As p&amp;rivate notes</source>
        <translation>Als p&amp;rivate Notizen</translation>
    </message>
    <message>
        <source>&amp;Keep them in Casebridge only</source>
        <translation>Nur in Casebridge &amp;behalten</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Fußzeile</translation>
    </message>
    <message>
        <source>Optional, e.g. — sent from Casebridge</source>
        <translation>Optional, z. B. — gesendet aus Casebridge</translation>
    </message>
    <message>
        <source>&amp;Footer:</source>
        <translation>&amp;Fußzeile:</translation>
    </message>
</context>
<context>
    <name>cb::ui::FailedEventsView</name>
    <message>
        <source>Replay &amp;selected</source>
        <translation>&amp;Ausgewählte erneut verarbeiten</translation>
    </message>
    <message>
        <source>Replay &amp;all</source>
        <translation>A&amp;lle erneut verarbeiten</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Failed events</source>
        <translation>Fehlgeschlagene Ereignisse</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Replay selected events</source>
        <translation>Ausgewählte Ereignisse erneut verarbeiten</translation>
    </message>
    <message>
        <source>Replay all failed events</source>
        <translation>Alle fehlgeschlagenen Ereignisse erneut verarbeiten</translation>
    </message>
    <message>
        <source>Refresh failed events</source>
        <translation>Fehlgeschlagene Ereignisse aktualisieren</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>No failed events: every webhook received was processed.</source>
        <translation>Keine fehlgeschlagenen Ereignisse: Jeder empfangene Webhook wurde verarbeitet.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) could not be processed. Fix the cause (see Last error), then replay them.</source>
        <translation>
            <numerusform>%n Ereignis konnte nicht verarbeitet werden. Beheben Sie die Ursache (siehe Letzter Fehler) und verarbeiten Sie es dann erneut.</numerusform>
            <numerusform>%n Ereignisse konnten nicht verarbeitet werden. Beheben Sie die Ursache (siehe Letzter Fehler) und verarbeiten Sie sie dann erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) queued for replay.</source>
        <translation>
            <numerusform>%n Ereignis zur erneuten Verarbeitung eingereiht.</numerusform>
            <numerusform>%n Ereignisse zur erneuten Verarbeitung eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Payload of the selected event (redacted)</source>
        <translation>Inhalt des ausgewählten Ereignisses (geschwärzt)</translation>
    </message>
    <message>
        <source>Select one event to see what was received (e-mail addresses and credentials masked).</source>
        <translation>Wählen Sie ein Ereignis, um zu sehen, was empfangen wurde (E-Mail-Adressen und Zugangsdaten maskiert).</translation>
    </message>
</context>
<context>
    <name>cb::ui::FailedPushesPanel</name>
    <message>
        <source>Re&amp;try selected pushes</source>
        <translation>Ausgewählte Übertragungen &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Discard selected pushes</source>
        <translation>Ausgewählte Übertragungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Pushes to the helpdesk that gave up</source>
        <translation>Aufgegebene Übertragungen an den Helpdesk</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Gave up</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Helpdesk&apos;s answer</source>
        <translation>Antwort des Helpdesks</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pushes that gave up&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aufgegebene Übertragungen&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n push(es) queued again.</source>
        <translation>
            <numerusform>%n Übertragung erneut eingereiht.</numerusform>
            <numerusform>%n Übertragungen erneut eingereiht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n push(es) discarded.</source>
        <translation>
            <numerusform>%n Übertragung verworfen.</numerusform>
            <numerusform>%n Übertragungen verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No push has given up.</source>
        <translation>Keine Übertragung wurde aufgegeben.</translation>
    </message>
    <message numerus="yes">
        <source>%n push(es) gave up. Fix the cause (see the helpdesk&apos;s answer), then retry them; or discard them to keep the value here only.</source>
        <translation>
            <numerusform>%n Übertragung wurde aufgegeben. Beheben Sie die Ursache (siehe Antwort des Helpdesks) und wiederholen Sie sie, oder verwerfen Sie sie, um den Wert nur hier zu behalten.</numerusform>
            <numerusform>%n Übertragungen wurden aufgegeben. Beheben Sie die Ursache (siehe Antwort des Helpdesks) und wiederholen Sie sie, oder verwerfen Sie sie, um den Wert nur hier zu behalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::HandbookWindow</name>
    <message>
        <source>Casebridge handbook</source>
        <translation>Casebridge-Handbuch</translation>
    </message>
    <message>
        <source>Handbook</source>
        <translation>Handbuch</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
</context>
<context>
    <name>cb::ui::HandoffPage</name>
    <message>
        <source>Hand-off routing</source>
        <translation>Weiterleitung bei Übergabe</translation>
    </message>
    <message>
        <source>When you hand a case back, the ticket is never left with the connected agent. If the target no longer exists, it is unassigned and marked instead.</source>
        <translation>Wenn Sie einen Fall zurückgeben, bleibt das Ticket nie beim verbundenen Agenten. Existiert das Ziel nicht mehr, wird die Zuweisung aufgehoben und das Ticket stattdessen markiert.</translation>
    </message>
    <message>
        <source>&amp;Unassign and reopen</source>
        <translation>Zuweisung &amp;aufheben und wieder öffnen</translation>
    </message>
    <message>
        <source>Unassign and set the &amp;marker field</source>
        <translation>Zuweisung aufheben und &amp;Markierungsfeld setzen</translation>
    </message>
    <message>
        <source>Agent or group id</source>
        <translation>Agenten- oder Gruppen-ID</translation>
    </message>
    <message>
        <source>Marker field</source>
        <translation>Markierungsfeld</translation>
    </message>
    <message>
        <source>Agent or group &amp;id:</source>
        <translation>Agenten- oder Gruppen-&amp;ID:</translation>
    </message>
    <message>
        <source>Marker &amp;field:</source>
        <translation>Markierungs&amp;feld:</translation>
    </message>
    <message>
        <source>&amp;Agent or group:</source>
        <translation>&amp;Agent oder Gruppe:</translation>
    </message>
    <message>
        <source>Assign to an a&amp;gent (chosen below)</source>
        <translation>Einem A&amp;genten zuweisen (unten gewählt)</translation>
    </message>
    <message>
        <source>Assign to a g&amp;roup (chosen below)</source>
        <translation>Einer G&amp;ruppe zuweisen (unten gewählt)</translation>
    </message>
    <message>
        <source>Hand-off agent or group</source>
        <translation>Agent oder Gruppe für die Übergabe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation>&amp;Agent:</translation>
    </message>
    <message>
        <source>Grou&amp;p:</source>
        <translation>Grup&amp;pe:</translation>
    </message>
</context>
<context>
    <name>cb::ui::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Handbook</source>
        <translation>Hand&amp;buch</translation>
    </message>
    <message>
        <source>&amp;About Casebridge</source>
        <translation>Ü&amp;ber Casebridge</translation>
    </message>
</context>
<context>
    <name>cb::ui::ImportDialog</name>
    <message>
        <source>&amp;Start import</source>
        <translation>Import &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>Import a&amp;bbrechen</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Import tickets</source>
        <translation>Tickets importieren</translation>
    </message>
    <message>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <source>By ticket &amp;IDs</source>
        <translation>Nach Ticket-&amp;IDs</translation>
    </message>
    <message>
        <source>By &amp;filter</source>
        <translation>Nach &amp;Filter</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Failed tickets</source>
        <translation>Fehlgeschlagene Tickets</translation>
    </message>
    <message>
        <source>Start import</source>
        <translation>Import starten</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Helpdesk:</source>
        <translation>&amp;Helpdesk:</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Ticket IDs or URLs</source>
        <translation>Ticket-IDs oder URLs</translation>
    </message>
    <message>
        <source>Paste ticket numbers or ticket URLs, e.g. 1234, 1235 or https://yourcompany.freshdesk.com/a/tickets/1236</source>
        <translation>Ticketnummern oder Ticket-URLs einfügen, z. B. 1234, 1235 oder https://ihrefirma.freshdesk.com/a/tickets/1236</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Beliebiger Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Only tickets &amp;updated since:</source>
        <translation>Nur Tickets, &amp;aktualisiert seit:</translation>
    </message>
    <message>
        <source>Only tickets updated since</source>
        <translation>Nur Tickets, aktualisiert seit</translation>
    </message>
    <message>
        <source>Updated since</source>
        <translation>Aktualisiert seit</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Höchstzahl</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;At most:</source>
        <translation>&amp;Höchstens:</translation>
    </message>
    <message>
        <source>Not a ticket number or ticket URL: %1. Fix or remove the highlighted text.</source>
        <translation>Keine Ticketnummer oder Ticket-URL: %1. Korrigieren oder entfernen Sie den markierten Text.</translation>
    </message>
    <message>
        <source>Paste at least one ticket number or ticket URL.</source>
        <translation>Fügen Sie mindestens eine Ticketnummer oder Ticket-URL ein.</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) to import.</source>
        <translation>
            <numerusform>%n Ticket zu importieren.</numerusform>
            <numerusform>%n Tickets zu importieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>No helpdesk is connected; connect one with File → Connect a helpdesk… first.</source>
        <translation>Kein Helpdesk verbunden; verbinden Sie zuerst eines über Datei → Helpdesk verbinden….</translation>
    </message>
    <message>
        <source>Estimate: enter what to import first.</source>
        <translation>Schätzung: Geben Sie zuerst an, was importiert werden soll.</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Estimate: at most %n API call(s), up to %1 at the account&apos;s rate limit.</source>
        <translation>
            <numerusform>Schätzung: höchstens %n API-Aufruf, bis zu %1 beim Ratenlimit des Kontos.</numerusform>
            <numerusform>Schätzung: höchstens %n API-Aufrufe, bis zu %1 beim Ratenlimit des Kontos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Estimate: %n API call(s), about %1 at the account&apos;s rate limit.</source>
        <translation>
            <numerusform>Schätzung: %n API-Aufruf, etwa %1 beim Ratenlimit des Kontos.</numerusform>
            <numerusform>Schätzung: %n API-Aufrufe, etwa %1 beim Ratenlimit des Kontos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting the import…</source>
        <translation>Import wird gestartet…</translation>
    </message>
    <message numerus="yes">
        <source>Importing… (about %n API call(s))</source>
        <translation>
            <numerusform>Importiere… (etwa %n API-Aufruf)</numerusform>
            <numerusform>Importiere… (etwa %n API-Aufrufe)</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled. </source>
        <translation>Import abgebrochen. </translation>
    </message>
    <message>
        <source>Import finished. </source>
        <translation>Import abgeschlossen. </translation>
    </message>
    <message>
        <source>Imported: %1 · already linked: %2 · failed: %3 · API calls: %4</source>
        <translation>Importiert: %1 · bereits verknüpft: %2 · fehlgeschlagen: %3 · API-Aufrufe: %4</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s) imported so far…</source>
        <translation>
            <numerusform>Bisher %n Ticket importiert…</numerusform>
            <numerusform>Bisher %n Tickets importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>The date is in the future; choose today or an earlier day.</source>
        <translation>Das Datum liegt in der Zukunft; wählen Sie heute oder einen früheren Tag.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %n ticket(s)…</source>
        <translation>
            <numerusform>%1 von %n Ticket importiert…</numerusform>
            <numerusform>%1 von %n Tickets importiert…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::IntakePage</name>
    <message>
        <source>Which new tickets become cases?</source>
        <translation>Welche neuen Tickets werden zu Fällen?</translation>
    </message>
    <message>
        <source>Tickets you import are always linked; this decides what arrives by webhook.</source>
        <translation>Importierte Tickets werden immer verknüpft; dies entscheidet, was per Webhook ankommt.</translation>
    </message>
    <message>
        <source>&amp;Every new ticket</source>
        <translation>&amp;Jedes neue Ticket</translation>
    </message>
    <message>
        <source>Only tickets &amp;assigned to the connected agent or its group</source>
        <translation>Nur Tickets, die dem verbundenen Agenten oder seiner Gruppe &amp;zugewiesen sind</translation>
    </message>
    <message>
        <source>&amp;None: only tickets I import</source>
        <translation>&amp;Keine: nur Tickets, die ich importiere</translation>
    </message>
</context>
<context>
    <name>cb::ui::IntegrationHealthPanel</name>
    <message>
        <source>Integration health</source>
        <translation>Zustand der Integrationen</translation>
    </message>
    <message>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last webhook</source>
        <translation>Letzter Webhook</translation>
    </message>
    <message>
        <source>Last reconcile</source>
        <translation>Letzter Abgleich</translation>
    </message>
    <message>
        <source>Queues (in/out)</source>
        <translation>Warteschlangen (ein/aus)</translation>
    </message>
    <message>
        <source>Failures (1 h)</source>
        <translation>Fehler (1 h)</translation>
    </message>
    <message>
        <source>API budget</source>
        <translation>API-Kontingent</translation>
    </message>
    <message>
        <source>Activity (1 h)</source>
        <translation>Aktivität (1 h)</translation>
    </message>
    <message>
        <source>&amp;Import tickets…</source>
        <translation>Tickets &amp;importieren…</translation>
    </message>
    <message>
        <source>Import tickets</source>
        <translation>Tickets importieren</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <source>standby (another process syncs)</source>
        <translation>Bereitschaft (ein anderer Prozess synchronisiert)</translation>
    </message>
    <message>
        <source>unknown yet</source>
        <translation>noch unbekannt</translation>
    </message>
    <message>
        <source>%1 of %2 left</source>
        <translation>%1 von %2 übrig</translation>
    </message>
</context>
<context>
    <name>cb::ui::IntegrationSettingsDialog</name>
    <message>
        <source>Refresh &amp;names from the helpdesk</source>
        <translation>&amp;Namen aus dem Helpdesk neu lesen</translation>
    </message>
    <message>
        <source>Every new ticket</source>
        <translation>Jedes neue Ticket</translation>
    </message>
    <message>
        <source>Tickets assigned to the connected agent or their group</source>
        <translation>Tickets, die dem verbundenen Agenten oder seiner Gruppe zugewiesen sind</translation>
    </message>
    <message>
        <source>Tickets of one group</source>
        <translation>Tickets einer Gruppe</translation>
    </message>
    <message>
        <source>None: only tickets I import</source>
        <translation>Keine: nur Tickets, die ich importiere</translation>
    </message>
    <message>
        <source>Intake group</source>
        <translation>Gruppe für die Übernahme</translation>
    </message>
    <message>
        <source>Unassign and reopen</source>
        <translation>Zuweisung aufheben und wieder öffnen</translation>
    </message>
    <message>
        <source>Unassign and set the marker field</source>
        <translation>Zuweisung aufheben und Markierungsfeld setzen</translation>
    </message>
    <message>
        <source>Assign to an agent</source>
        <translation>Einem Agenten zuweisen</translation>
    </message>
    <message>
        <source>Assign to a group</source>
        <translation>Einer Gruppe zuweisen</translation>
    </message>
    <message>
        <source>Hand-off agent or group</source>
        <translation>Agent oder Gruppe für die Übergabe</translation>
    </message>
    <message>
        <source>Optional, e.g. — sent from Casebridge</source>
        <translation>Optional, z. B. — gesendet aus Casebridge</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>New tickets become cases</source>
        <translation>Neue Tickets werden Fälle</translation>
    </message>
    <message>
        <source>&amp;Intake:</source>
        <translation>Ü&amp;bernahme:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>Hand-off</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>&amp;When handing off:</source>
        <translation>Bei der Übergab&amp;e:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Marker &amp;field:</source>
        <translation>Markierungs&amp;feld:</translation>
    </message>
    <message>
        <source>Comments added in Casebridge</source>
        <translation>In Casebridge hinzugefügte Kommentare</translation>
    </message>
    <message>
        <source>&amp;Off: they stay in Casebridge; nobody in the helpdesk sees them</source>
        <translation>&amp;Aus: Sie bleiben in Casebridge; im Helpdesk sieht sie niemand</translation>
    </message>
    <message>
        <source>As p&amp;rivate notes: only agents see them</source>
        <translation>Als p&amp;rivate Notizen: nur Agenten sehen sie</translation>
    </message>
    <message>
        <source>As p&amp;ublic replies: the customer sees them (sent by e-mail)</source>
        <translation>Als öffentliche Ant&amp;worten: der Kunde sieht sie (per E-Mail gesendet)</translation>
    </message>
    <message>
        <source>&amp;Reconcile every:</source>
        <translation>Abg&amp;leich alle:</translation>
    </message>
    <message>
        <source>New API &amp;key…</source>
        <translation>Neuer API-Schl&amp;üssel…</translation>
    </message>
    <message>
        <source>&amp;Disconnect…</source>
        <translation>&amp;Trennen…</translation>
    </message>
    <message>
        <source>Reading agents, groups and companies from the helpdesk…</source>
        <translation>Agenten, Gruppen und Firmen werden aus dem Helpdesk gelesen…</translation>
    </message>
    <message>
        <source>The store is not open.</source>
        <translation>Der Speicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Einstellungen von %1</translation>
    </message>
    <message>
        <source>The names of this helpdesk&apos;s agents and groups have not been read yet; use Refresh names.</source>
        <translation>Die Namen der Agenten und Gruppen dieses Helpdesks wurden noch nicht gelesen; verwenden Sie „Namen aus dem Helpdesk neu lesen“.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Choose the agent or group from the list (Refresh names if it is empty).</source>
        <translation>Wählen Sie den Agenten oder die Gruppe aus der Liste (lesen Sie die Namen neu, wenn sie leer ist).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>%1 trennen</translation>
    </message>
    <message>
        <source>Stop syncing with %1? Its API key and webhook secret are removed from this computer; every case stays here, and connecting the account again re-links them.

Then delete these in %2, which would otherwise keep calling a webhook that no longer answers:
%3</source>
        <translation>Die Synchronisation mit %1 beenden? API-Schlüssel und Webhook-Geheimnis werden von diesem Rechner entfernt; jeder Fall bleibt hier, und wenn Sie das Konto wieder verbinden, werden die Fälle erneut verknüpft.

Löschen Sie danach diese Einträge in %2, die sonst weiter einen Webhook aufrufen, der nicht mehr antwortet:
%3</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Wird getrennt…</translation>
    </message>
    <message>
        <source>Foot&amp;er:</source>
        <translation>Fu&amp;ßzeile:</translation>
    </message>
</context>
<context>
    <name>cb::ui::MainWindow</name>
    <message>
        <source>Casebridge</source>
        <translation>Casebridge</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect a helpdesk…</source>
        <translation>Helpdesk &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Import tickets…</source>
        <translation>Tickets &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Opening the case store…</source>
        <translation>Fallspeicher wird geöffnet…</translation>
    </message>
    <message>
        <source>Sync &amp;log</source>
        <translation>Synchronisations&amp;protokoll</translation>
    </message>
    <message>
        <source>&amp;Failed events</source>
        <translation>&amp;Fehlgeschlagene Ereignisse</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>C&amp;ases</source>
        <translation>F&amp;älle</translation>
    </message>
    <message numerus="yes">
        <source>Store: %1 · %n case(s)</source>
        <translation>
            <numerusform>Speicher: %1 · %n Fall</numerusform>
            <numerusform>Speicher: %1 · %n Fälle</numerusform>
        </translation>
    </message>
    <message>
        <source>No helpdesk connected yet</source>
        <translation>Noch kein Helpdesk verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n helpdesk(s) connected</source>
        <translation>
            <numerusform>%n Helpdesk verbunden</numerusform>
            <numerusform>%n Helpdesks verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in the store.</source>
        <translation>
            <numerusform>%n Fall im Speicher.</numerusform>
            <numerusform>%n Fälle im Speicher.</numerusform>
        </translation>
    </message>
    <message>
        <source>The case store could not be opened</source>
        <translation>Der Fallspeicher konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Store unavailable</source>
        <translation>Speicher nicht verfügbar</translation>
    </message>
    <message>
        <source>Incoming call: %1</source>
        <translation>Eingehender Anruf: %1</translation>
    </message>
    <message>
        <source>&amp;Rotate webhook secret…</source>
        <translation>Webhook-Geheimnis &amp;erneuern…</translation>
    </message>
    <message>
        <source>Rotate webhook secret</source>
        <translation>Webhook-Geheimnis erneuern</translation>
    </message>
    <message>
        <source>No helpdesk is connected yet.</source>
        <translation>Es ist noch kein Helpdesk verbunden.</translation>
    </message>
    <message>
        <source>Helpdesk:</source>
        <translation>Helpdesk:</translation>
    </message>
    <message>
        <source>Create a new webhook secret for %1? The current one keeps working for 24 hours, so you can update %2 without losing a webhook. The new secret is shown once.</source>
        <translation>Ein neues Webhook-Geheimnis für %1 erstellen? Das bisherige gilt noch 24 Stunden, damit Sie %2 anpassen können, ohne einen Webhook zu verlieren. Das neue Geheimnis wird nur einmal angezeigt.</translation>
    </message>
    <message>
        <source>Casebridge keeps your cases in two-way sync with %1 or %2. Connect a helpdesk to start: use File → Connect a helpdesk…, or run `casebridge-sync connect %3 --domain YOURCOMPANY --api-key-stdin` (or `connect %4`).</source>
        <translation>Casebridge hält Ihre Fälle in beidseitiger Synchronisation mit %1 oder %2. Verbinden Sie zum Start ein Helpdesk: über Datei → Helpdesk verbinden… oder mit `casebridge-sync connect %3 --domain IHREFIRMA --api-key-stdin` (oder `connect %4`).</translation>
    </message>
    <message>
        <source>Helpdesk &amp;settings…</source>
        <translation>Helpdesk-&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Helpdesk settings</source>
        <translation>Helpdesk-Einstellungen</translation>
    </message>
</context>
<context>
    <name>cb::ui::ProviderPage</name>
    <message>
        <source>&amp;Freshdesk</source>
        <translation>&amp;Freshdesk</translation>
    </message>
    <message>
        <source>Choose your helpdesk</source>
        <translation>Wählen Sie Ihr Helpdesk</translation>
    </message>
    <message>
        <source>Casebridge keeps your cases in two-way sync with it.</source>
        <translation>Casebridge hält Ihre Fälle in beidseitiger Synchronisation damit.</translation>
    </message>
    <message>
        <source>Fresh&amp;service</source>
        <translation>Fresh&amp;service</translation>
    </message>
    <message>
        <source>%1 and %2 are the helpdesks this version supports.</source>
        <translation>%1 und %2 sind die Helpdesks, die diese Version unterstützt.</translation>
    </message>
</context>
<context>
    <name>cb::ui::ProviderTexts</name>
    <message>
        <source>yourcompany.freshservice.com</source>
        <translation>ihrefirma.freshservice.com</translation>
    </message>
    <message>
        <source>Profile settings → Your API key</source>
        <translation>Profileinstellungen → Ihr API-Schlüssel</translation>
    </message>
    <message>
        <source>a Trigger Webhook node in each of the two Freshservice workflows (Admin → Workflow Automator)</source>
        <translation>einen Trigger-Webhook-Knoten in jedem der beiden Freshservice-Workflows (Admin → Workflow Automator)</translation>
    </message>
    <message>
        <source>the Trigger Webhook nodes of your Freshservice Workflow Automator workflows</source>
        <translation>die Trigger-Webhook-Knoten Ihrer Freshservice-Workflows (Workflow Automator)</translation>
    </message>
    <message>
        <source>yourcompany.freshdesk.com</source>
        <translation>ihrefirma.freshdesk.com</translation>
    </message>
    <message>
        <source>Profile settings → View API key</source>
        <translation>Profileinstellungen → API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>your two Freshdesk automation rules (ticket creation and ticket update)</source>
        <translation>Ihre zwei Freshdesk-Automatisierungsregeln (Ticketerstellung und Ticketaktualisierung)</translation>
    </message>
    <message>
        <source>the automation rules in Freshdesk</source>
        <translation>die Automatisierungsregeln in Freshdesk</translation>
    </message>
    <message>
        <source>Workflow %1</source>
        <translation>Workflow %1</translation>
    </message>
    <message>
        <source>Automation rule %1</source>
        <translation>Automatisierungsregel %1</translation>
    </message>
    <message>
        <source>Copy workflow %1</source>
        <translation>Workflow %1 kopieren</translation>
    </message>
    <message>
        <source>Copy rule %1</source>
        <translation>Regel %1 kopieren</translation>
    </message>
</context>
<context>
    <name>cb::ui::ReceiverPage</name>
    <message>
        <source>Webhook receiver</source>
        <translation>Webhook-Empfänger</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Empfangsadresse</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>Öffentliche URL</translation>
    </message>
    <message>
        <source>https://casebridge.example.com (optional)</source>
        <translation>https://casebridge.example.com (optional)</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Empfangen auf:</translation>
    </message>
    <message>
        <source>&amp;Public URL:</source>
        <translation>Ö&amp;ffentliche URL:</translation>
    </message>
    <message>
        <source>%1 sends changes to this address. On a desktop, put a tunnel or reverse proxy with HTTPS in front of it and give its public URL.</source>
        <translation>%1 sendet Änderungen an diese Adresse. Auf einem Desktop schalten Sie einen Tunnel oder Reverse-Proxy mit HTTPS davor und geben dessen öffentliche URL an.</translation>
    </message>
</context>
<context>
    <name>cb::ui::RotateKeyDialog</name>
    <message>
        <source>New API key for %1</source>
        <translation>Neuer API-Schlüssel für %1</translation>
    </message>
    <message>
        <source>Paste the new key of an administrator of %1 (%2). It is checked with the helpdesk before it replaces the current one, and never shown again.</source>
        <translation>Fügen Sie den neuen Schlüssel eines Administrators von %1 ein (%2). Er wird beim Helpdesk geprüft, bevor er den bisherigen ersetzt, und nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>New API &amp;key:</source>
        <translation>Neuer API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Webhook URL (unchanged):</source>
        <translation>Webhook-URL (unverändert):</translation>
    </message>
    <message>
        <source>&amp;Verify and replace</source>
        <translation>&amp;Prüfen und ersetzen</translation>
    </message>
    <message>
        <source>Checking the key with the helpdesk…</source>
        <translation>Der Schlüssel wird beim Helpdesk geprüft…</translation>
    </message>
    <message>
        <source>The key was not changed: %1</source>
        <translation>Der Schlüssel wurde nicht geändert: %1</translation>
    </message>
</context>
<context>
    <name>cb::ui::SandboxMenu</name>
    <message>
        <source>&amp;Sandbox</source>
        <translation>&amp;Sandbox</translation>
    </message>
    <message>
        <source>As an agent in the helpdesk</source>
        <translation>Als Agent im Helpdesk</translation>
    </message>
    <message>
        <source>Change the &amp;status…</source>
        <translation>&amp;Status ändern…</translation>
    </message>
    <message>
        <source>Change the &amp;priority…</source>
        <translation>&amp;Priorität ändern…</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;Zuweisen…</translation>
    </message>
    <message>
        <source>Add a private &amp;note…</source>
        <translation>Private &amp;Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>As a customer</source>
        <translation>Als Kunde</translation>
    </message>
    <message>
        <source>&amp;Reply to the ticket…</source>
        <translation>Auf das Ticket &amp;antworten…</translation>
    </message>
    <message>
        <source>Write in a &amp;new ticket…</source>
        <translation>&amp;Neues Ticket schreiben…</translation>
    </message>
    <message>
        <source>As trouble</source>
        <translation>Als Störung</translation>
    </message>
    <message>
        <source>&amp;Drop webhooks for a minute</source>
        <translation>Webhooks eine Minute lang &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Fail the API (503) for a minute</source>
        <translation>API eine Minute lang &amp;fehlschlagen lassen (503)</translation>
    </message>
    <message>
        <source>Spend the API &amp;budget</source>
        <translation>API-&amp;Kontingent aufbrauchen</translation>
    </message>
    <message>
        <source>Sandbox: its automation rules now send webhooks to %1.</source>
        <translation>Sandbox: Ihre Automatisierungsregeln senden jetzt Webhooks an %1.</translation>
    </message>
    <message>
        <source>Sandbox: %1</source>
        <translation>Sandbox: %1</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>No case with a ticket is selected in Cases. Which ticket?</source>
        <translation>In „Fälle“ ist kein Fall mit Ticket ausgewählt. Welches Ticket?</translation>
    </message>
    <message>
        <source>there is no ticket %1.</source>
        <translation>es gibt kein Ticket %1.</translation>
    </message>
    <message>
        <source>Sandbox: an agent changed ticket #%1 (%2); watch it arrive in Cases and the Sync log.</source>
        <translation>Sandbox: Ein Agent hat Ticket #%1 geändert (%2); sehen Sie zu, wie es in „Fälle“ und im Synchronisationsprotokoll ankommt.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>As an agent, set ticket #%1 to:</source>
        <translation>Als Agent Ticket #%1 setzen auf:</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>As an agent, give ticket #%1 the priority:</source>
        <translation>Als Agent Ticket #%1 die Priorität geben:</translation>
    </message>
    <message>
        <source>As an agent, assign ticket #%1 to:</source>
        <translation>Als Agent Ticket #%1 zuweisen an:</translation>
    </message>
    <message>
        <source>As the customer, reply to ticket #%1:</source>
        <translation>Als Kunde auf Ticket #%1 antworten:</translation>
    </message>
    <message>
        <source>As an agent, add a private note to ticket #%1:</source>
        <translation>Als Agent eine private Notiz zu Ticket #%1 hinzufügen:</translation>
    </message>
    <message>
        <source>Thanks, that helped!</source>
        <translation>Danke, das hat geholfen!</translation>
    </message>
    <message>
        <source>Checked the logs; waiting for the customer.</source>
        <translation>Protokolle geprüft; warte auf den Kunden.</translation>
    </message>
    <message>
        <source>a private note</source>
        <translation>eine private Notiz</translation>
    </message>
    <message>
        <source>Sandbox: the customer replied to ticket #%1; watch it arrive in Cases and the Sync log.</source>
        <translation>Sandbox: Der Kunde hat auf Ticket #%1 geantwortet; sehen Sie zu, wie es in „Fälle“ und im Synchronisationsprotokoll ankommt.</translation>
    </message>
    <message>
        <source>As a customer, write in a new ticket. Subject:</source>
        <translation>Als Kunde ein neues Ticket schreiben. Betreff:</translation>
    </message>
    <message>
        <source>My order has not arrived</source>
        <translation>Meine Bestellung ist nicht angekommen</translation>
    </message>
    <message>
        <source>Sandbox: a customer wrote in ticket #%1; watch it arrive in Cases and the Sync log.</source>
        <translation>Sandbox: Ein Kunde hat Ticket #%1 geschrieben; sehen Sie zu, wie es in „Fälle“ und im Synchronisationsprotokoll ankommt.</translation>
    </message>
    <message numerus="yes">
        <source>Sandbox: webhooks are dropped for %n second(s); the reconciler finds what they miss.</source>
        <translation>
            <numerusform>Sandbox: Webhooks werden %n Sekunde lang verworfen; der Abgleich findet, was ihnen entgeht.</numerusform>
            <numerusform>Sandbox: Webhooks werden %n Sekunden lang verworfen; der Abgleich findet, was ihnen entgeht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sandbox: the API answers %1 for %n second(s); edits wait in the outbox and retry.</source>
        <translation>
            <numerusform>Sandbox: Die API antwortet %n Sekunde lang mit %1; Änderungen warten im Postausgang und werden wiederholt.</numerusform>
            <numerusform>Sandbox: Die API antwortet %n Sekunden lang mit %1; Änderungen warten im Postausgang und werden wiederholt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sandbox: %n API call(s) spent; the sync waits for the next minute&apos;s budget.</source>
        <translation>
            <numerusform>Sandbox: %n API-Aufruf verbraucht; die Synchronisation wartet auf das Kontingent der nächsten Minute.</numerusform>
            <numerusform>Sandbox: %n API-Aufrufe verbraucht; die Synchronisation wartet auf das Kontingent der nächsten Minute.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::ScreenPopDialog</name>
    <message>
        <source>&amp;Open case</source>
        <translation>Fall &amp;öffnen</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is calling from %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ruft an von %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>No open tickets.</source>
        <translation>Keine offenen Tickets.</translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s):</source>
        <translation>
            <numerusform>%n offenes Ticket:</numerusform>
            <numerusform>%n offene Tickets:</numerusform>
        </translation>
    </message>
    <message>
        <source>Open tickets of the caller</source>
        <translation>Offene Tickets des Anrufers</translation>
    </message>
    <message>
        <source>#%1  %2  (%3, %4)</source>
        <translation>#%1  %2  (%3, %4)</translation>
    </message>
    <message>
        <source>#%1  %2  (%3, %4, with %5)</source>
        <translation>#%1  %2  (%3, %4, bei %5)</translation>
    </message>
</context>
<context>
    <name>cb::ui::SecretRevealDialog</name>
    <message>
        <source>I have &amp;stored the secret</source>
        <translation>Ich habe das Geheimnis &amp;gespeichert</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Webhook secret — shown once</source>
        <translation>Webhook-Geheimnis — wird nur einmal angezeigt</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>&lt;b&gt;This secret is shown only once.&lt;/b&gt; Copy it into %1 now; Casebridge keeps only a hash and cannot show it again (rotate it to get a new one).</source>
        <translation>&lt;b&gt;Dieses Geheimnis wird nur einmal angezeigt.&lt;/b&gt; Kopieren Sie es jetzt in %1; Casebridge speichert nur einen Hash und kann es nicht erneut anzeigen (erneuern Sie es, um ein neues zu erhalten).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to copy:&lt;/b&gt; Casebridge has registered these rules, with this secret, in the built-in sandbox, so its webhooks already reach this console. A real helpdesk needs them pasted into %1. Casebridge keeps only a hash of the secret.</source>
        <translation>&lt;b&gt;Nichts zu kopieren:&lt;/b&gt; Casebridge hat diese Regeln mit diesem Geheimnis in der eingebauten Sandbox eingetragen, ihre Webhooks erreichen diese Konsole also schon. Ein echtes Helpdesk braucht sie in %1 eingefügt. Casebridge behält nur einen Hash des Geheimnisses.</translation>
    </message>
</context>
<context>
    <name>cb::ui::SetupWizard</name>
    <message>
        <source>Connect a helpdesk</source>
        <translation>Helpdesk verbinden</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>cb::ui::SyncLogCsvExporter</name>
    <message>
        <source>Could not write %1: %2. Choose another folder.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert.</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::SyncLogDetailPane</name>
    <message>
        <source>Sync log entry details</source>
        <translation>Details des Protokolleintrags</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Select a row to see what changed.</source>
        <translation>Wählen Sie eine Zeile, um zu sehen, was sich geändert hat.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>(not measured)</source>
        <translation>(nicht gemessen)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>No field changed.</source>
        <translation>Kein Feld geändert.</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>cb::ui::SyncLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>reconcile</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>own echo</source>
        <translation>eigenes Echo</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>given up</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>verknüpft</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>reconciler</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>case created</source>
        <translation>Fall angelegt</translation>
    </message>
    <message>
        <source>case changed</source>
        <translation>Fall geändert</translation>
    </message>
    <message>
        <source>conversation copied</source>
        <translation>Unterhaltung übernommen</translation>
    </message>
    <message>
        <source>note sent</source>
        <translation>Notiz gesendet</translation>
    </message>
    <message>
        <source>reply sent</source>
        <translation>Antwort gesendet</translation>
    </message>
    <message>
        <source>ticket changed</source>
        <translation>Ticket geändert</translation>
    </message>
    <message>
        <source>handed off to the helpdesk</source>
        <translation>an den Helpdesk übergeben</translation>
    </message>
    <message>
        <source>ticket imported</source>
        <translation>Ticket importiert</translation>
    </message>
    <message>
        <source>ticket fetched</source>
        <translation>Ticket abgerufen</translation>
    </message>
    <message>
        <source>helpdesk event</source>
        <translation>Helpdesk-Ereignis</translation>
    </message>
    <message>
        <source>ticket created</source>
        <translation>Ticket angelegt</translation>
    </message>
    <message>
        <source>ticket updated</source>
        <translation>Ticket aktualisiert</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>Status geändert</translation>
    </message>
    <message>
        <source>priority changed</source>
        <translation>Priorität geändert</translation>
    </message>
    <message>
        <source>note added</source>
        <translation>Notiz hinzugefügt</translation>
    </message>
    <message>
        <source>agent replied</source>
        <translation>Agent hat geantwortet</translation>
    </message>
    <message>
        <source>customer replied</source>
        <translation>Kunde hat geantwortet</translation>
    </message>
    <message>
        <source>ticket reconciled</source>
        <translation>Ticket abgeglichen</translation>
    </message>
    <message>
        <source>ticket deleted</source>
        <translation>Ticket gelöscht</translation>
    </message>
    <message>
        <source>ticket marked as spam</source>
        <translation>Ticket als Spam markiert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragende</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
</context>
<context>
    <name>cb::ui::SyncLogView</name>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Helpdesk filter</source>
        <translation>Helpdesk-Filter</translation>
    </message>
    <message>
        <source>All helpdesks</source>
        <translation>Alle Helpdesks</translation>
    </message>
    <message>
        <source>Direction filter</source>
        <translation>Richtungsfilter</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Alle Richtungen</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Result filter</source>
        <translation>Ergebnisfilter</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Echo dropped</source>
        <translation>Echo verworfen</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Ticket filter</source>
        <translation>Ticketfilter</translation>
    </message>
    <message>
        <source>Ticket #</source>
        <translation>Ticket-Nr.</translation>
    </message>
    <message>
        <source>Text filter</source>
        <translation>Textfilter</translation>
    </message>
    <message>
        <source>Search event, changes, error…</source>
        <translation>Ereignis, Änderungen, Fehler durchsuchen…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Synchronisationsprotokoll</translation>
    </message>
    <message>
        <source>Export the sync log</source>
        <translation>Synchronisationsprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n row(s) written</source>
        <translation>
            <numerusform>Export läuft… %n Zeile geschrieben</numerusform>
            <numerusform>Export läuft… %n Zeilen geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::SyncTrayIcon</name>
    <message>
        <source>Casebridge: starting…</source>
        <translation>Casebridge: startet…</translation>
    </message>
    <message>
        <source>Casebridge: no helpdesk connected</source>
        <translation>Casebridge: kein Helpdesk verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n sync failure(s) logged. Open the Sync log tab (filter: Failed) to see what to do.</source>
        <translation>
            <numerusform>%n Synchronisationsfehler protokolliert. Öffnen Sie den Reiter Synchronisationsprotokoll (Filter: Fehlgeschlagen), um zu sehen, was zu tun ist.</numerusform>
            <numerusform>%n Synchronisationsfehler protokolliert. Öffnen Sie den Reiter Synchronisationsprotokoll (Filter: Fehlgeschlagen), um zu sehen, was zu tun ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Casebridge sync failure</source>
        <translation>Casebridge-Synchronisationsfehler</translation>
    </message>
    <message numerus="yes">
        <source>Casebridge: %1 of %n helpdesk(s) syncing · queues %2 in / %3 out · %4</source>
        <translation>
            <numerusform>Casebridge: %1 von %n Helpdesk synchronisiert · Warteschlangen %2 ein / %3 aus · %4</numerusform>
            <numerusform>Casebridge: %1 von %n Helpdesks synchronisieren · Warteschlangen %2 ein / %3 aus · %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s) in the last hour</source>
        <translation>
            <numerusform>%n Fehler in der letzten Stunde</numerusform>
            <numerusform>%n Fehler in der letzten Stunde</numerusform>
        </translation>
    </message>
</context>
</TS>
