// Generated from docs/openapi.json by scripts/make-contract.ts (openapi-typescript). Do not edit.
export interface paths {
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a file (raw body, up to 50 MiB; headers content-type and x-filename, URI-encoded) to attach to a message */
        post: operations["postApiV1Attachments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment (the download is audited) */
        get: operations["getApiV1AttachmentsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries, newest first (admin, DPO) */
        get: operations["getApiV1Audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed audit checkpoints: this node's own, or those a partner sent (admin, DPO) */
        get: operations["getApiV1AuditCheckpoints"];
        put?: never;
        /** Sign the current head of the audit chain and send it to every verified partner (admin, DPO) */
        post: operations["postApiV1AuditCheckpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compare this node's audit chain with its signed checkpoints, and with the copies its partners hold */
        post: operations["postApiV1AuditCheckpointsVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recompute the audit hash chain and report the first broken link (admin, DPO) */
        post: operations["postApiV1AuditVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with password (and TOTP code where required); sets the session and CSRF cookies */
        post: operations["postApiV1AuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: operations["postApiV1AuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getApiV1AuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password; ends your other sessions and revokes your API tokens */
        post: operations["postApiV1AuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Break-glass accesses for the DPO to review, newest first */
        get: operations["getApiV1BreakGlass"];
        put?: never;
        /** Emergency access to one record outside your need-to-know: reason required, time-limited, the DPO is alerted and reviews it */
        post: operations["postApiV1BreakGlass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/break-glass/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Judge a break-glass access (DPO); an unjustified one ends at once */
        post: operations["postApiV1BreakGlassIdReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The joint cases the caller is a member of; ?q= searches titles, entity names and identifiers */
        get: operations["getApiV1Cases"];
        put?: never;
        /** Open a joint case owned by this node; the caller becomes its lead member */
        post: operations["postApiV1Cases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/unassigned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases a partner shared with this node that have no member here yet (title and markings only) */
        get: operations["getApiV1CasesUnassigned"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case in full (members only; anybody else gets 404) */
        get: operations["getApiV1CasesId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change case fields; `base` names the versions the editor saw (concurrent edits are kept as conflicts) */
        patch: operations["patchApiV1CasesId"];
        trace?: never;
    };
    "/api/v1/cases/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign members of this node to a case shared with it (liaison desk) */
        post: operations["postApiV1CasesIdAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a document file to the case (raw body up to 1048576 bytes; headers content-type and x-filename, URI-encoded); it is stored encrypted and sent to the partner with the case */
        post: operations["postApiV1CasesIdDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a document's file (members only; audited); the handling code is in x-handling-code */
        get: operations["getApiV1CasesIdDocumentsDocumentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pairs of entities that may be the same (shared identifier, similar names across scripts) */
        get: operations["getApiV1CasesIdDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the case: the graph as GraphML or JSON, or the report as PDF (handling code on every page) */
        get: operations["getApiV1CasesIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/graph": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case graph with merges applied, filtered by time window and link types (the link chart) */
        get: operations["getApiV1CasesIdGraph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import entities or links from CSV: map columns to fields, check (dryRun, the default) and import; bad rows are listed by line */
        post: operations["postApiV1CasesIdImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/items/{collection}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add items to a collection of the case (tasks, events, documents, references, entities, links, legs) */
        post: operations["postApiV1CasesIdItemsCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/items/{collection}/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an item */
        delete: operations["deleteApiV1CasesIdItemsCollectionItemId"];
        options?: never;
        head?: never;
        /** Change fields of an item */
        patch: operations["patchApiV1CasesIdItemsCollectionItemId"];
        trace?: never;
    };
    "/api/v1/cases/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a user of this node as a member of the case */
        post: operations["postApiV1CasesIdMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/members/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member of this side */
        delete: operations["deleteApiV1CasesIdMembersUsername"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge entities into a survivor (links follow; undone by unmerge) */
        post: operations["postApiV1CasesIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clusters (Louvain), most connected by link weight, degree/betweenness/eigenvector centrality */
        get: operations["getApiV1CasesIdMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connecting network: the entities within `depth` links of the seeds (comma-separated ids) */
        get: operations["getApiV1CasesIdNetwork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share the case with a partner node (owner only; needs a DPO sharing policy covering it) */
        post: operations["postApiV1CasesIdPartners"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/partners/{partner}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop sharing the case with a partner (audited on both sides; its copy becomes read-only) */
        post: operations["postApiV1CasesIdPartnersPartnerWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shortest path (or all paths with all=true) between two entities, by direction and time order */
        get: operations["getApiV1CasesIdPaths"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/unmerge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo the merge of one entity: it stands on its own again with its own links */
        post: operations["postApiV1CasesIdUnmerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consent requests: those we sent to providers, and those partners sent about our data */
        get: operations["getApiV1ConsentRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One consent request (404 outside the need-to-know of the message it concerns) */
        get: operations["getApiV1ConsentRequestsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-requests/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant or refuse a partner's request to pass our data on (the answer goes back to it) */
        post: operations["postApiV1ConsentRequestsIdReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A conversation: every message of the thread, oldest first (the read is audited) */
        get: operations["getApiV1ConversationsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts for the signed-in user's dashboard cards */
        get: operations["getApiV1Dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counters for the dashboard: overdue and awaiting requests, unread alerts */
        get: operations["getApiV1DashboardExchange"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outgoing messages and their delivery state */
        get: operations["getApiV1Deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a dead or failed message again */
        post: operations["postApiV1DeliveriesIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dvi-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ante-mortem transfers for the DPO's review (?status=held) */
        get: operations["getApiV1DviTransfers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dvi-transfers/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The DPO approves (it leaves now) or refuses a held ante-mortem transfer */
        post: operations["postApiV1DviTransfersIdDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live updates as Server-Sent Events (text/event-stream): `event: inbox` when a message arrives at any process of the node; the page then reads the list again */
        get: operations["getApiV1Events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident registry, newest first (?q= place or IOM id, ?year=, ?route=, ?origin=) */
        get: operations["getApiV1Incidents"];
        put?: never;
        /** Record an incident (a DVI officer who records it joins its team) */
        post: operations["postApiV1Incidents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IOM imports, newest first */
        get: operations["getApiV1IncidentsImports"];
        put?: never;
        /** Import an IOM Missing Migrants CSV export, either layout (body: the CSV, Content-Type text/csv; gzip with Content-Encoding: gzip or Content-Type application/gzip). The rows are read in the background: follow the import with GET /incidents/imports/{id}. Rows in error are reported with their line; a re-import updates incidents by IOM incident id. */
        post: operations["postApiV1IncidentsImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress and outcome of an IOM import, with the rows in error */
        get: operations["getApiV1IncidentsImportsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every located incident, compactly, for the map */
        get: operations["getApiV1IncidentsMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents and dead and missing by year, route and origin country */
        get: operations["getApiV1IncidentsStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident of the registry */
        get: operations["getApiV1IncidentsId"];
        /** Change an incident's registry fields */
        put: operations["putApiV1IncidentsId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an unidentified body (post-mortem record) or a missing person (ante-mortem record) to a partner as an alert message */
        post: operations["postApiV1IncidentsIdAlerts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/ante-mortem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ante-mortem records (INTERPOL DVI yellow form), collected here or received from partners of the incident (its DVI team) */
        get: operations["getApiV1IncidentsIdAnteMortem"];
        put?: never;
        /** Record one of the ante-mortem records (interpol dvi yellow form), collected here or received from partners */
        post: operations["postApiV1IncidentsIdAnteMortem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's status board (pending, identified, notified, repatriating, repatriated), both nodes' news */
        get: operations["getApiV1IncidentsIdBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ranked reconciliation candidates with their explanation: ante-mortem candidates of a body (?pmId=), bodies for a missing person (?amId=), or the best candidates of every body */
        get: operations["getApiV1IncidentsIdCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/identifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The identification board's decisions */
        get: operations["getApiV1IncidentsIdIdentifications"];
        put?: never;
        /** Record the identification board's decision on a pair (preliminary or confirmed); a confirmed one needs a primary identifier and locks both records */
        post: operations["postApiV1IncidentsIdIdentifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/identifiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a primary identifier (fingerprint, dental, DNA) confirmed by an expert for a pair */
        post: operations["postApiV1IncidentsIdIdentifiers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Families told of an identification */
        get: operations["getApiV1IncidentsIdNotifications"];
        put?: never;
        /** Record that a family was told (who, when, channel, language, support offered) */
        post: operations["postApiV1IncidentsIdNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/post-mortem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Post-mortem records (INTERPOL DVI pink form) of the incident (its DVI team) */
        get: operations["getApiV1IncidentsIdPostMortem"];
        put?: never;
        /** Record one of the post-mortem records (interpol dvi pink form) */
        post: operations["postApiV1IncidentsIdPostMortem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/repatriations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Repatriations of remains and graves */
        get: operations["getApiV1IncidentsIdRepatriations"];
        put?: never;
        /** Record or update the repatriation of identified remains (1937 Berlin Agreement laissez-passer) or their traceable grave */
        post: operations["postApiV1IncidentsIdRepatriations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/survivors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Survivors, recorded as victims of smuggling of the incident (its DVI team) */
        get: operations["getApiV1IncidentsIdSurvivors"];
        put?: never;
        /** Record one of the survivors, recorded as victims of smuggling */
        post: operations["postApiV1IncidentsIdSurvivors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's DVI team */
        get: operations["getApiV1IncidentsIdTeam"];
        put?: never;
        /** Add a DVI officer to the incident team (an administrator, or a member of the team) */
        post: operations["postApiV1IncidentsIdTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ante-mortem records sent (or held for the DPO) to partners */
        get: operations["getApiV1IncidentsIdTransfers"];
        put?: never;
        /** Send an ante-mortem record to a partner (dvi.antemortem). It leaves under the outgoing review's rules; with relatives' DNA references it always waits for the DPO */
        post: operations["postApiV1IncidentsIdTransfers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a batch check from CSV (columns kind, name, birth_year, number, country, imo, mmsi, iban; one item per row) */
        post: operations["postApiV1MatchingBatches"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a batch check */
        get: operations["getApiV1MatchingBatchesId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/batches/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Results of a batch check, one per item */
        get: operations["getApiV1MatchingBatchesIdResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check persons, passports, phones, vessels or IBANs with a partner (hit/no-hit; the partner never sees the values). Purpose and legal basis are logged on both sides. */
        post: operations["postApiV1MatchingChecks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a hit into a request for information (rfi) to the holder, carrying the hit reference */
        post: operations["postApiV1MatchingFollowUps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/follow-ups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The holder's side of a follow-up: the record(s) a partner's received rfi refers to by its hit reference (need-to-know on the rfi and on the record's source), only if the sender could have obtained that reference under its current matching policy (else 409 hit_ref_not_valid with details.reason) */
        get: operations["getApiV1MatchingFollowUpsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/hits/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The holder's side: which of this node's records a hit reference quoted by a partner points at — only if that partner could have obtained it by its own checks under its current policy (else 409 hit_ref_not_valid with details.reason) */
        get: operations["getApiV1MatchingHitsRef"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/holdings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Records registered for matching, newest first */
        get: operations["getApiV1MatchingHoldings"];
        put?: never;
        /** Register records for matching (entities: person, identity_document, phone, vessel, financial), then refresh the index */
        post: operations["postApiV1MatchingHoldings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/holdings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a registered record from matching */
        delete: operations["deleteApiV1MatchingHoldingsId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node's matching index: size, filter size per record, key age, last refresh */
        get: operations["getApiV1MatchingIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/index/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the matching key and rebuild the index under it (partners fetch the new filter) */
        post: operations["postApiV1MatchingIndexRebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/index/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring the index up to date with messages and holdings now (it also refreshes on its own) */
        post: operations["postApiV1MatchingIndexRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-partner matching policy: record types, crime areas, daily quota (none set: not allowed) */
        get: operations["getApiV1MatchingPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/policies/{partner}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a partner's matching policy (DPO; audited). Victims are never matchable, whatever the policy. */
        put: operations["putApiV1MatchingPoliciesPartner"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/queries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Log of checks made and received: purpose, legal basis, counts; never the values */
        get: operations["getApiV1MatchingQueries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-partner report of checks made and received (counts only), quota used today */
        get: operations["getApiV1MatchingReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbox and sent messages, newest first, with filters */
        get: operations["getApiV1Messages"];
        put?: never;
        /** Send an rfi, reply, info or alert to a partner (validated, stored and queued at once). With an Idempotency-Key header (1–255 visible ASCII characters, kept 24 hours per user) a retry answers the same message with Idempotent-Replayed: true instead of sending it twice; the same key with another body answers 422 idempotency_key_reused */
        post: operations["postApiV1Messages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A message with its content (the read is audited) */
        get: operations["getApiV1MessagesId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a received message (read, accepted, declined with a reason) */
        post: operations["postApiV1MessagesIdAck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/consent-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask a received message's provider for consent to pass it to another partner */
        post: operations["postApiV1MessagesIdConsentRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pass a received message on to another partner with its markings (H2/H3: only with the provider’s consent; never TLP:RED or AMBER+STRICT) */
        post: operations["postApiV1MessagesIdForward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node: identity and key fingerprint */
        get: operations["getApiV1Node"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node's signed card and fingerprint, to give to a partner */
        get: operations["getApiV1NodeCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/rotate-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate this node's keys: new card signed by the old key, pushed to every verified partner (admin) */
        post: operations["postApiV1NodeRotateKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notifications for the caller’s roles (dead letters for administrators) */
        get: operations["getApiV1Notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read */
        post: operations["postApiV1NotificationsIdRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Partner nodes with trust state and delivery counters */
        get: operations["getApiV1Partners"];
        put?: never;
        /** Import a partner's card (pending until its fingerprint is verified) */
        post: operations["postApiV1Partners"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{nodeId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a partner: nothing more is sent to it or accepted from it */
        post: operations["postApiV1PartnersNodeIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{nodeId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the fingerprint read out of band; the partner becomes verified */
        post: operations["postApiV1PartnersNodeIdVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages, DVI records and case documents due for their retention review (DPO) */
        get: operations["getApiV1RetentionDue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the review period of a record type under a legal basis ("*": the default) (DPO) */
        put: operations["putApiV1RetentionRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the retention scan now (DPO); it also runs on a schedule */
        post: operations["postApiV1RetentionScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep a message, a DVI record or a case document until a later review date, with a reason (DPO) */
        post: operations["postApiV1RetentionIdExtend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/{id}/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Purge a message and its files, a DVI record, or a case document (removed from its case, so every node deletes its copy), everywhere on this node; the audit keeps a tombstone and a message’s provider is told (DPO) */
        post: operations["postApiV1RetentionIdPurge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outgoing messages awaiting the DPO: held ones and threat-to-life ones sent first (the look is audited) */
        get: operations["getApiV1Reviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a held message, optionally redacted, and send it; or record the review of one sent first */
        post: operations["postApiV1ReviewsIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return a held message to its author with a comment; nothing leaves */
        post: operations["postApiV1ReviewsIdReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a batch screening from CSV (columns ref, name, other_names, birth_date, nationality, document; name required; several values separated by |) */
        post: operations["postApiV1ScreeningBatches"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a batch */
        get: operations["getApiV1ScreeningBatchesId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/batches/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Results of a finished batch: JSON, or CSV with ?format=csv */
        get: operations["getApiV1ScreeningBatchesIdResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/designations/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A designation as the active list (or ?list=<version>) gives it */
        get: operations["getApiV1ScreeningDesignationsRef"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Imported versions of the UN list, newest first */
        get: operations["getApiV1ScreeningLists"];
        put?: never;
        /** Import a UN Security Council Consolidated List file (body: the XML, Content-Type application/xml; gzip accepted with Content-Encoding: gzip). The file is refused whole when malformed; the previous version stays active. */
        post: operations["postApiV1ScreeningLists"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/lists/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Designations added, removed and amended: against ?from=<version>, or as recorded at import */
        get: operations["getApiV1ScreeningListsIdDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/messages/{id}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Screening flags of the persons named in a received message (information for the officer, never an action) */
        get: operations["getApiV1ScreeningMessagesIdFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen one person or organisation against the active list (audited with its purpose) */
        post: operations["postApiV1ScreeningScreen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screening/thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Score thresholds: confident match and needs review */
        get: operations["getApiV1ScreeningThresholds"];
        /** Change the score thresholds (audited) */
        put: operations["putApiV1ScreeningThresholds"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sharing-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Standing sharing policies under which personal data leaves without case-by-case review */
        get: operations["getApiV1SharingPolicies"];
        put?: never;
        /** Adopt a standing sharing policy (DPO): partner, crime area, handling code, data categories */
        post: operations["postApiV1SharingPolicies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sharing-policies/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a standing sharing policy (DPO) */
        post: operations["postApiV1SharingPoliciesIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stix/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Map a STIX 2.1 bundle (validated against the OASIS schemas) to an alert draft; nothing is sent or stored */
        post: operations["postApiV1StixImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stix/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The STIX 2.1 bundle of an alert (threat warning, modus operandi, wanted); the read is audited */
        get: operations["getApiV1StixMessagesId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subject-requests/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase or correct one person entity found by a subject request (DPO; audited with a tombstone). A missing person on whom an identification board decision rests is corrected, not erased (match_locked) */
        post: operations["postApiV1SubjectRequestsChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subject-requests/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find everything the node holds on a person, in any script (names engine); the report is the export for the DPO (audited) */
        post: operations["postApiV1SubjectRequestsSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens */
        get: operations["getApiV1Tokens"];
        put?: never;
        /** Create an API token for the CLI from a browser session; the token is shown once. Admin and DPO scopes need a current TOTP code */
        post: operations["postApiV1Tokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API tokens */
        delete: operations["deleteApiV1TokensId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units of this node and their members (need-to-know) */
        get: operations["getApiV1Units"];
        put?: never;
        /** Create a unit (admin) */
        post: operations["postApiV1Units"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the accounts of this node (admin) */
        get: operations["getApiV1Users"];
        put?: never;
        /** Create an account (admin). Admin and DPO accounts get a TOTP secret, returned once */
        post: operations["postApiV1Users"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change display name, roles or disabled flag (admin); disabling ends the sessions */
        patch: operations["patchApiV1UsersId"];
        trace?: never;
    };
    "/api/v1/users/{id}/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the units a user belongs to (admin); replaces the previous membership */
        put: operations["putApiV1UsersIdUnits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a lock-out after repeated failed sign-ins (admin) */
        post: operations["postApiV1UsersIdUnlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (off unless PASSERELLE_METRICS_TOKEN or PASSERELLE_METRICS=loopback is set; see docs/OPERATIONS.md) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database and the attachment store answer, and no message due for delivery has waited over 5 minutes (the delivery backlog is reported) */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @description Stable error code (see x-error-codes of each operation) */
                code: string;
                /** @description Human-readable explanation, in English */
                message: string;
                /** @description Structured detail, e.g. `{ issues: [{ path, code, message }] }` for 400 */
                details?: unknown;
                /** @description Federation endpoints: the precise refusal reason */
                reason?: string;
                /** @description Federation `headerMismatch`: the header members that differ */
                fields?: string[];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postApiV1Attachments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attachment: {
                            id: string;
                            name: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds; `storage_unavailable`: The attachment store (folder or S3 bucket) is unreachable or refuses the node; nothing was changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AttachmentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `attachment_pending`: The file is still being fetched from the partner; `attachment_unavailable`: The file could not be fetched from the partner */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds; `storage_unavailable`: The attachment store (folder or S3 bucket) is unreachable or refuses the node; nothing was changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Audit: {
        parameters: {
            query?: {
                actor?: string;
                action?: string;
                subject?: string;
                before?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            seq: number;
                            /** Format: date-time */
                            at: string;
                            actor: string;
                            action: string;
                            subject: string | null;
                            detail: {
                                [key: string]: unknown;
                            };
                            prevHash: string;
                            hash: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AuditCheckpoints: {
        parameters: {
            query?: {
                node?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkpoints: {
                            nodeId: string;
                            seq: number;
                            hash: string;
                            at: string;
                            receivedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuditCheckpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkpoint: {
                            nodeId: string;
                            seq: number;
                            hash: string;
                            at: string;
                            receivedAt: string | null;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuditCheckpointsVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default true */
                    partners?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        checked: number;
                        findings: {
                            seq: number;
                            hash: string;
                            /** @description "own", or the partner node id that returned the copy */
                            source: string;
                            /** @enum {string} */
                            problem: "missingEntry" | "hashMismatch" | "badSignature" | "unknownKey";
                        }[];
                        partners: {
                            [key: string]: {
                                held: number;
                                error?: string;
                            };
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuditVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        entries: number;
                        head: {
                            seq: number;
                            hash: string;
                        };
                    } | {
                        /** @constant */
                        ok: false;
                        entries: number;
                        brokenAt: number;
                        /** @enum {string} */
                        reason: "hashMismatch" | "prevHashMismatch" | "missingEntry" | "headMismatch";
                        message: string;
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                    totp?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            username: string;
                            displayName: string;
                            roles: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                            totpEnabled: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `invalid_credentials`: Wrong username or password; `totp_required`: The account needs its second-factor code; `totp_invalid`: The second-factor code is wrong or was already used */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: Too many attempts; wait a minute */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1AuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            username: string;
                            displayName: string;
                            roles: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                            totpEnabled: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1AuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls; `weak_password`: The new password is too easy to guess; `password_reused`: The new password is one of the last ones used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `locked`: The account is locked after repeated failures */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1BreakGlass: {
        parameters: {
            query?: {
                unreviewed?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accesses: {
                            id: string;
                            username: string;
                            recordKind: string;
                            recordId: string;
                            reason: string;
                            createdAt: string;
                            expiresAt: string;
                            reviewedAt: string | null;
                            reviewedBy: string | null;
                            verdict: ("justified" | "unjustified") | null;
                            reviewNote: string | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1BreakGlass: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    recordKind: "message";
                    /** Format: uuid */
                    recordId: string;
                    reason: string;
                    minutes?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access: {
                            id: string;
                            username: string;
                            recordKind: string;
                            recordId: string;
                            reason: string;
                            createdAt: string;
                            expiresAt: string;
                            reviewedAt: string | null;
                            reviewedBy: string | null;
                            verdict: ("justified" | "unjustified") | null;
                            reviewNote: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1BreakGlassIdReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    verdict: "justified" | "unjustified";
                    note: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access: {
                            id: string;
                            username: string;
                            recordKind: string;
                            recordId: string;
                            reason: string;
                            createdAt: string;
                            expiresAt: string;
                            reviewedAt: string | null;
                            reviewedBy: string | null;
                            verdict: ("justified" | "unjustified") | null;
                            reviewNote: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `already_reviewed`: This break-glass access was already reviewed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Cases: {
        parameters: {
            query?: {
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cases: {
                            id: string;
                            owner: string;
                            title: string;
                            status: string;
                            crimeAreas: string[];
                            handlingCode: string;
                            tlp: string;
                            partners: string[];
                            entityCount: number;
                            linkCount: number;
                            updatedAt: string;
                            withdrawnAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Cases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @default  */
                    summary?: string;
                    crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                    legalBasis: string;
                    /** @enum {string} */
                    handlingCode: "H0" | "H1" | "H2" | "H3";
                    /**
                     * @default AMBER
                     * @enum {string}
                     */
                    tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesUnassigned: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cases: {
                            id: string;
                            owner: string;
                            title: string;
                            status: string;
                            crimeAreas: string[];
                            handlingCode: string;
                            tlp: string;
                            partners: string[];
                            entityCount: number;
                            linkCount: number;
                            updatedAt: string;
                            withdrawnAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1CasesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    summary?: string;
                    /** @enum {string} */
                    status?: "open" | "active" | "suspended" | "closed";
                    crimeAreas?: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                    legalBasis?: string;
                    /** @enum {string} */
                    handlingCode?: "H0" | "H1" | "H2" | "H3";
                    /** @enum {string} */
                    tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    base?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdAssign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    members: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdDocuments: {
        parameters: {
            query: {
                title: string;
                note?: string;
                handlingCode?: "H0" | "H1" | "H2" | "H3";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        case: {
                            id: string;
                            owner: string;
                            title: string;
                            status: string;
                            crimeAreas: string[];
                            handlingCode: string;
                            tlp: string;
                            partners: string[];
                            entityCount: number;
                            linkCount: number;
                            updatedAt: string;
                            withdrawnAt: string | null;
                            summary: string;
                            legalBasis: string;
                            version: {
                                [key: string]: string;
                            };
                            members: ({
                                id: string;
                                version: {
                                    [key: string]: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            tasks: ({
                                id: string;
                                version: {
                                    [key: string]: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            events: ({
                                id: string;
                                version: {
                                    [key: string]: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            documents: ({
                                id: string;
                                version: {
                                    [key: string]: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            references: ({
                                id: string;
                                version: {
                                    [key: string]: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            entities: ({
                                id: string;
                                version: {
                                    [key: string]: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            links: ({
                                id: string;
                                version: {
                                    [key: string]: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            legs: ({
                                id: string;
                                version: {
                                    [key: string]: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            conflicts: {
                                target: string;
                                field: string;
                                kept: unknown;
                                keptBy: string;
                                lost: unknown;
                                lostBy: string;
                                lostAt: string;
                            }[];
                            opCount: number;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds; `storage_unavailable`: The attachment store (folder or S3 bucket) is unreachable or refuses the node; nothing was changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesIdDocumentsDocumentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `attachment_pending`: The file is still being fetched from the partner */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds; `storage_unavailable`: The attachment store (folder or S3 bucket) is unreachable or refuses the node; nothing was changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesIdDuplicates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidates: {
                            a: string;
                            b: string;
                            score: number;
                            reasons: string[];
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesIdExport: {
        parameters: {
            query: {
                format: "graphml" | "json" | "pdf";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesIdGraph: {
        parameters: {
            query?: {
                since?: string;
                until?: string;
                types?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entities: {
                            id: string;
                            kind: string;
                            label: string;
                            role: string | null;
                            identifiers: string[];
                            merged: string[];
                            synthetic: boolean;
                        }[];
                        links: {
                            id: string;
                            from: string;
                            to: string;
                            type: string;
                            at: string | null;
                            weight: number;
                            currency: string | null;
                            evaluation: {
                                source: string;
                                accuracy: string;
                            };
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "entities" | "links";
                    csv: string;
                    mapping?: {
                        [key: string]: string;
                    };
                    /** @default true */
                    dryRun?: boolean;
                    /** @default false */
                    skipInvalid?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        headers: string[];
                        mapping: {
                            [key: string]: string;
                        };
                        rows: number;
                        valid: number;
                        imported: number;
                        errors: {
                            line: number;
                            column: string | null;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdItemsCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                collection: "tasks" | "events" | "documents" | "references" | "entities" | "links" | "legs";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ids: string[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1CasesIdItemsCollectionItemId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                collection: "tasks" | "events" | "documents" | "references" | "entities" | "links" | "legs";
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1CasesIdItemsCollectionItemId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                collection: "tasks" | "events" | "documents" | "references" | "entities" | "links" | "legs";
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fields: {
                        [key: string]: unknown;
                    };
                    base?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    /**
                     * @default member
                     * @enum {string}
                     */
                    role?: "lead" | "member";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1CasesIdMembersUsername: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: The change conflicts with the current state; `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    survivor: string;
                    merged: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: The change conflicts with the current state; `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesIdMetrics: {
        parameters: {
            query?: {
                since?: string;
                until?: string;
                types?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clusters: {
                            entity: string;
                            cluster: number;
                        }[];
                        clusterCount: number;
                        mostConnected: {
                            id: string;
                            weightedDegree: number;
                            links: number;
                        }[];
                        centrality: {
                            id: string;
                            degree: number;
                            betweenness: number;
                            eigenvector: number;
                        }[];
                        exact: boolean;
                        pivots: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesIdNetwork: {
        parameters: {
            query: {
                since?: string;
                until?: string;
                types?: string;
                seeds: string;
                depth?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entities: string[];
                        links: string[];
                        distance: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdPartners: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partner: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: The change conflicts with the current state; `sharing_not_covered`: No standing sharing policy of the DPO covers sharing this case with that partner; `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdPartnersPartnerWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                partner: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1CasesIdPaths: {
        parameters: {
            query: {
                since?: string;
                until?: string;
                types?: string;
                from: string;
                to: string;
                directed?: "true" | "false";
                timeOrdered?: "true" | "false";
                all?: "true" | "false";
                maxHops?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        paths: {
                            entities: string[];
                            links: string[];
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1CasesIdUnmerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    entity: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        owner: string;
                        title: string;
                        status: string;
                        crimeAreas: string[];
                        handlingCode: string;
                        tlp: string;
                        partners: string[];
                        entityCount: number;
                        linkCount: number;
                        updatedAt: string;
                        withdrawnAt: string | null;
                        summary: string;
                        legalBasis: string;
                        version: {
                            [key: string]: string;
                        };
                        members: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        tasks: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        events: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        documents: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        references: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        entities: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        links: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        legs: ({
                            id: string;
                            version: {
                                [key: string]: string;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                        conflicts: {
                            target: string;
                            field: string;
                            kept: unknown;
                            keptBy: string;
                            lost: unknown;
                            lostBy: string;
                            lostAt: string;
                        }[];
                        opCount: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: The change conflicts with the current state; `case_withdrawn`: The case's owner withdrew it from this node: the copy is read-only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ConsentRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requests: {
                            id: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            messageId: string;
                            partner: string;
                            recipient: string;
                            purpose: string;
                            /** @enum {string} */
                            status: "pending" | "granted" | "refused";
                            conditions: string | null;
                            createdAt: string;
                            answeredAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ConsentRequestsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        request: {
                            id: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            messageId: string;
                            partner: string;
                            recipient: string;
                            purpose: string;
                            /** @enum {string} */
                            status: "pending" | "granted" | "refused";
                            conditions: string | null;
                            createdAt: string;
                            answeredAt: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ConsentRequestsIdReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    granted: boolean;
                    conditions?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `already_answered`: This consent request was already answered; `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ConversationsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversation: {
                            id: string;
                            subject: string | null;
                            partner: string;
                            messages: {
                                id: string;
                                conversationId: string;
                                /** @enum {string} */
                                direction: "in" | "out";
                                partner: string;
                                /** @enum {string} */
                                type: "rfi" | "reply" | "info" | "alert" | "ack";
                                subject: string | null;
                                priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                                crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                                handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                                tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                                deadline: string | null;
                                overdue: boolean;
                                createdAt: string;
                                receivedAt: string | null;
                                readAt: string | null;
                                /** @enum {string} */
                                status: "sent" | "received" | "answered" | "held" | "returned";
                                delivery: {
                                    id: string;
                                    recipient: string;
                                    type: string;
                                    /** @enum {string} */
                                    status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                    attempts: number;
                                    createdAt: string;
                                    nextAttemptAt: string | null;
                                    deliveredAt: string | null;
                                    receiptAt: string | null;
                                    expiresAt: string;
                                    lastError: {
                                        status?: number;
                                        message: string;
                                        body?: string;
                                    } | null;
                                } | null;
                                hasAttachments: boolean;
                                inReplyTo: string | null;
                                ackStatus: ("read" | "accepted" | "declined") | null;
                                ackReason: string | null;
                                ackAt: string | null;
                                unit: string | null;
                                addressedOfficers: string[];
                                review: {
                                    /** @enum {string} */
                                    status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                    flags: {
                                        [key: string]: unknown;
                                    }[];
                                    note: string | null;
                                    reviewedBy: string | null;
                                    reviewedAt: string | null;
                                } | null;
                                body: string | null;
                                language: string | null;
                                evaluation: {
                                    sourceReliability: string;
                                    informationAccuracy: number;
                                } | null;
                                legalBasis: string | null;
                                purpose: string | null;
                                entities: unknown[];
                                attachments: {
                                    id: string;
                                    name: string;
                                    mediaType: string;
                                    size: number;
                                    sha256: string;
                                    /** @enum {string} */
                                    status: "stored" | "pending" | "failed";
                                }[];
                                retentionReviewDate: string | null;
                                handlingRestriction: string | null;
                                alertKind: string | null;
                                validUntil: string | null;
                                hitRef: string | null;
                                final: boolean | null;
                                reason: string | null;
                                payload: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cards: {
                            id: string;
                            value: number;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1DashboardExchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requestsOverdue: number;
                        requestsAwaitingReply: number;
                        alertsUnread: number;
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Deliveries: {
        parameters: {
            query?: {
                status?: "queued" | "sending" | "delivered" | "failed" | "dead";
                recipient?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            id: string;
                            recipient: string;
                            type: string;
                            /** @enum {string} */
                            status: "queued" | "sending" | "delivered" | "failed" | "dead";
                            attempts: number;
                            createdAt: string;
                            nextAttemptAt: string | null;
                            deliveredAt: string | null;
                            receiptAt: string | null;
                            expiresAt: string;
                            lastError: {
                                status?: number;
                                message: string;
                                body?: string;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1DeliveriesIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery: {
                            id: string;
                            recipient: string;
                            type: string;
                            /** @enum {string} */
                            status: "queued" | "sending" | "delivered" | "failed" | "dead";
                            attempts: number;
                            createdAt: string;
                            nextAttemptAt: string | null;
                            deliveredAt: string | null;
                            receiptAt: string | null;
                            expiresAt: string;
                            lastError: {
                                status?: number;
                                message: string;
                                body?: string;
                            } | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_retryable`: The delivery is neither dead nor failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1DviTransfers: {
        parameters: {
            query?: {
                status?: "held" | "sent" | "refused";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transfers: {
                            id: string;
                            incidentId: string;
                            amId: string;
                            amReference: string;
                            partner: string;
                            /** @enum {string} */
                            status: "held" | "sent" | "refused";
                            includesRelativesDna: boolean;
                            reasons: string[];
                            requestedBy: string;
                            requestedAt: string;
                            decidedBy: string | null;
                            note: string | null;
                            partnerDeletedAt: string | null;
                            partnerDeletedReason: ("retention" | "erasure") | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1DviTransfersIdDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    approve: boolean;
                    note: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        incidentId: string;
                        amId: string;
                        amReference: string;
                        partner: string;
                        /** @enum {string} */
                        status: "held" | "sent" | "refused";
                        includesRelativesDna: boolean;
                        reasons: string[];
                        requestedBy: string;
                        requestedAt: string;
                        decidedBy: string | null;
                        note: string | null;
                        partnerDeletedAt: string | null;
                        partnerDeletedReason: ("retention" | "erasure") | null;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `already_decided`: This transfer was already decided by the DPO */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Events: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Incidents: {
        parameters: {
            query?: {
                q?: string;
                year?: number;
                route?: string;
                origin?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        incidents: {
                            id: string;
                            iomId: string | null;
                            iomMainId: string | null;
                            /** @enum {string} */
                            type: "shipwreck" | "drowning" | "vehicle_accident" | "violence" | "harsh_conditions" | "sickness" | "accident" | "border_death" | "other";
                            date: string;
                            year: number | null;
                            place: string;
                            country: string | null;
                            region: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            departurePlace: string | null;
                            departureDate: string | null;
                            vessel: string | null;
                            route: string | null;
                            aboard: number | null;
                            dead: number | null;
                            missing: number | null;
                            survivors: number | null;
                            originCountries: string[];
                            cause: string | null;
                            rescueService: string | null;
                            rescueCaseNumber: string | null;
                            sources: {
                                name: string;
                                urls: string[];
                            }[];
                            jointCaseId: string | null;
                            createdAt: string;
                            updatedAt: string;
                            onTeam: boolean;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Incidents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "shipwreck" | "drowning" | "vehicle_accident" | "violence" | "harsh_conditions" | "sickness" | "accident" | "border_death" | "other";
                    date: string;
                    place: string;
                    country?: string | null;
                    latitude?: number | null;
                    longitude?: number | null;
                    departurePlace?: string | null;
                    departureDate?: string | null;
                    vessel?: string | null;
                    route?: string | null;
                    aboard?: number | null;
                    dead?: number | null;
                    missing?: number | null;
                    survivors?: number | null;
                    originCountries?: string[];
                    rescueService?: string | null;
                    rescueCaseNumber?: string | null;
                    sources?: {
                        name: string;
                        urls: string[];
                    }[];
                    jointCaseId?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        iomId: string | null;
                        iomMainId: string | null;
                        /** @enum {string} */
                        type: "shipwreck" | "drowning" | "vehicle_accident" | "violence" | "harsh_conditions" | "sickness" | "accident" | "border_death" | "other";
                        date: string;
                        year: number | null;
                        place: string;
                        country: string | null;
                        region: string | null;
                        latitude: number | null;
                        longitude: number | null;
                        departurePlace: string | null;
                        departureDate: string | null;
                        vessel: string | null;
                        route: string | null;
                        aboard: number | null;
                        dead: number | null;
                        missing: number | null;
                        survivors: number | null;
                        originCountries: string[];
                        cause: string | null;
                        rescueService: string | null;
                        rescueCaseNumber: string | null;
                        sources: {
                            name: string;
                            urls: string[];
                        }[];
                        jointCaseId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        onTeam: boolean;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsImports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imports: {
                            id: string;
                            fileName: string;
                            layout: ("iom-export" | "europe-curated") | null;
                            /** @enum {string} */
                            status: "running" | "done" | "failed" | "interrupted";
                            bytesTotal: number;
                            bytesRead: number;
                            rowsRead: number;
                            created: number;
                            updated: number;
                            unchanged: number;
                            errorCount: number;
                            errors: {
                                line: number;
                                iomId: string | null;
                                message: string;
                            }[];
                            failure: string | null;
                            startedAt: string;
                            finishedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsImports: {
        parameters: {
            query?: {
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileName: string;
                        layout: ("iom-export" | "europe-curated") | null;
                        /** @enum {string} */
                        status: "running" | "done" | "failed" | "interrupted";
                        bytesTotal: number;
                        bytesRead: number;
                        rowsRead: number;
                        created: number;
                        updated: number;
                        unchanged: number;
                        errorCount: number;
                        errors: {
                            line: number;
                            iomId: string | null;
                            message: string;
                        }[];
                        failure: string | null;
                        startedAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsImportsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileName: string;
                        layout: ("iom-export" | "europe-curated") | null;
                        /** @enum {string} */
                        status: "running" | "done" | "failed" | "interrupted";
                        bytesTotal: number;
                        bytesRead: number;
                        rowsRead: number;
                        created: number;
                        updated: number;
                        unchanged: number;
                        errorCount: number;
                        errors: {
                            line: number;
                            iomId: string | null;
                            message: string;
                        }[];
                        failure: string | null;
                        startedAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsMap: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        points: {
                            id: string;
                            iomId: string | null;
                            date: string;
                            latitude: number;
                            longitude: number;
                            deadAndMissing: number;
                            place: string;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        byYear: {
                            key: string;
                            incidents: number;
                            deadAndMissing: number;
                        }[];
                        byRoute: {
                            key: string;
                            incidents: number;
                            deadAndMissing: number;
                        }[];
                        byOrigin: {
                            key: string;
                            incidents: number;
                            deadAndMissing: number;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        iomId: string | null;
                        iomMainId: string | null;
                        /** @enum {string} */
                        type: "shipwreck" | "drowning" | "vehicle_accident" | "violence" | "harsh_conditions" | "sickness" | "accident" | "border_death" | "other";
                        date: string;
                        year: number | null;
                        place: string;
                        country: string | null;
                        region: string | null;
                        latitude: number | null;
                        longitude: number | null;
                        departurePlace: string | null;
                        departureDate: string | null;
                        vessel: string | null;
                        route: string | null;
                        aboard: number | null;
                        dead: number | null;
                        missing: number | null;
                        survivors: number | null;
                        originCountries: string[];
                        cause: string | null;
                        rescueService: string | null;
                        rescueCaseNumber: string | null;
                        sources: {
                            name: string;
                            urls: string[];
                        }[];
                        jointCaseId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        onTeam: boolean;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1IncidentsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "shipwreck" | "drowning" | "vehicle_accident" | "violence" | "harsh_conditions" | "sickness" | "accident" | "border_death" | "other";
                    date: string;
                    place: string;
                    country?: string | null;
                    latitude?: number | null;
                    longitude?: number | null;
                    departurePlace?: string | null;
                    departureDate?: string | null;
                    vessel?: string | null;
                    route?: string | null;
                    aboard?: number | null;
                    dead?: number | null;
                    missing?: number | null;
                    survivors?: number | null;
                    originCountries?: string[];
                    rescueService?: string | null;
                    rescueCaseNumber?: string | null;
                    sources?: {
                        name: string;
                        urls: string[];
                    }[];
                    jointCaseId?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        iomId: string | null;
                        iomMainId: string | null;
                        /** @enum {string} */
                        type: "shipwreck" | "drowning" | "vehicle_accident" | "violence" | "harsh_conditions" | "sickness" | "accident" | "border_death" | "other";
                        date: string;
                        year: number | null;
                        place: string;
                        country: string | null;
                        region: string | null;
                        latitude: number | null;
                        longitude: number | null;
                        departurePlace: string | null;
                        departureDate: string | null;
                        vessel: string | null;
                        route: string | null;
                        aboard: number | null;
                        dead: number | null;
                        missing: number | null;
                        survivors: number | null;
                        originCountries: string[];
                        cause: string | null;
                        rescueService: string | null;
                        rescueCaseNumber: string | null;
                        sources: {
                            name: string;
                            urls: string[];
                        }[];
                        jointCaseId: string | null;
                        createdAt: string;
                        updatedAt: string;
                        onTeam: boolean;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdAlerts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    recordKind: "pm" | "am";
                    /** Format: uuid */
                    recordId: string;
                    partner: string;
                    /** @default en */
                    language?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messageId: string;
                        status: string;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdAnteMortem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: {
                            id: string;
                            incidentId: string;
                            reference: string;
                            synthetic: boolean;
                            partner: string | null;
                            form: {
                                names: {
                                    full: string;
                                    /** @enum {string} */
                                    script: "Latn" | "Arab" | "Cyrl" | "Other";
                                    lang?: string;
                                }[];
                                /** @enum {string} */
                                sex: "male" | "female" | "unknown";
                                dateOfBirth?: string;
                                nationality?: string;
                                heightCm?: number;
                                description?: string;
                                marks?: string[];
                                clothing?: string[];
                                effects?: string[];
                                medical?: string;
                                dental?: string;
                                documents?: {
                                    kind: string;
                                    number?: string;
                                    issuingCountry?: string;
                                    names?: string[];
                                    dateOfBirth?: string;
                                }[];
                                samples?: {
                                    /** @enum {string} */
                                    kind: "fingerprint" | "dental" | "dna";
                                    reference: string;
                                    laboratory?: string;
                                    custody?: {
                                        /** Format: date-time */
                                        at: string;
                                        from: string;
                                        to: string;
                                        note?: string;
                                    }[];
                                }[];
                                relativesDna?: {
                                    relative: string;
                                    relationship: string;
                                    reference: string;
                                    consent: {
                                        /** @constant */
                                        given: true;
                                        /** Format: date-time */
                                        at: string;
                                        form: string;
                                    };
                                }[];
                                lastSeen?: {
                                    place: string;
                                    date: string;
                                };
                                family?: {
                                    name: string;
                                    relationship: string;
                                    contact: string;
                                    language?: string;
                                }[];
                                collectedBy: string;
                                collectedFrom: string;
                                legalBasis?: string;
                            };
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdAnteMortem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reference: string;
                    synthetic: boolean;
                    form: {
                        names: {
                            full: string;
                            /** @enum {string} */
                            script: "Latn" | "Arab" | "Cyrl" | "Other";
                            lang?: string;
                        }[];
                        /** @enum {string} */
                        sex: "male" | "female" | "unknown";
                        dateOfBirth?: string;
                        nationality?: string;
                        heightCm?: number;
                        description?: string;
                        marks?: string[];
                        clothing?: string[];
                        effects?: string[];
                        medical?: string;
                        dental?: string;
                        documents?: {
                            kind: string;
                            number?: string;
                            issuingCountry?: string;
                            names?: string[];
                            dateOfBirth?: string;
                        }[];
                        samples?: {
                            /** @enum {string} */
                            kind: "fingerprint" | "dental" | "dna";
                            reference: string;
                            laboratory?: string;
                            custody?: {
                                /** Format: date-time */
                                at: string;
                                from: string;
                                to: string;
                                note?: string;
                            }[];
                        }[];
                        relativesDna?: {
                            relative: string;
                            relationship: string;
                            reference: string;
                            consent: {
                                /** @constant */
                                given: true;
                                /** Format: date-time */
                                at: string;
                                form: string;
                            };
                        }[];
                        lastSeen?: {
                            place: string;
                            date: string;
                        };
                        family?: {
                            name: string;
                            relationship: string;
                            contact: string;
                            language?: string;
                        }[];
                        collectedBy: string;
                        collectedFrom: string;
                        legalBasis?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        incidentId: string;
                        reference: string;
                        synthetic: boolean;
                        partner: string | null;
                        form: {
                            names: {
                                full: string;
                                /** @enum {string} */
                                script: "Latn" | "Arab" | "Cyrl" | "Other";
                                lang?: string;
                            }[];
                            /** @enum {string} */
                            sex: "male" | "female" | "unknown";
                            dateOfBirth?: string;
                            nationality?: string;
                            heightCm?: number;
                            description?: string;
                            marks?: string[];
                            clothing?: string[];
                            effects?: string[];
                            medical?: string;
                            dental?: string;
                            documents?: {
                                kind: string;
                                number?: string;
                                issuingCountry?: string;
                                names?: string[];
                                dateOfBirth?: string;
                            }[];
                            samples?: {
                                /** @enum {string} */
                                kind: "fingerprint" | "dental" | "dna";
                                reference: string;
                                laboratory?: string;
                                custody?: {
                                    /** Format: date-time */
                                    at: string;
                                    from: string;
                                    to: string;
                                    note?: string;
                                }[];
                            }[];
                            relativesDna?: {
                                relative: string;
                                relationship: string;
                                reference: string;
                                consent: {
                                    /** @constant */
                                    given: true;
                                    /** Format: date-time */
                                    at: string;
                                    form: string;
                                };
                            }[];
                            lastSeen?: {
                                place: string;
                                date: string;
                            };
                            family?: {
                                name: string;
                                relationship: string;
                                contact: string;
                                language?: string;
                            }[];
                            collectedBy: string;
                            collectedFrom: string;
                            legalBasis?: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `reference_taken`: Another DVI record of this incident has this reference */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdBoard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        incidentId: string;
                        counts: {
                            [key: string]: number;
                        };
                        entries: {
                            /** @enum {string} */
                            kind: "pm" | "am";
                            id: string;
                            reference: string;
                            counterpart: string | null;
                            /** @enum {string} */
                            state: "pending" | "identified" | "notified" | "repatriating" | "repatriated";
                            source: string;
                            identificationStatus: ("preliminary" | "confirmed") | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdCandidates: {
        parameters: {
            query?: {
                pmId?: string;
                amId?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidates: {
                            pmId: string;
                            pmReference: string;
                            amId: string;
                            amReference: string;
                            score: number;
                            evidence: {
                                /** @enum {string} */
                                factor: "name" | "sex" | "age" | "height" | "marks" | "effects" | "dates" | "documents";
                                weight: number;
                                explanation: string;
                            }[];
                            locked: boolean;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdIdentifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        identifications: {
                            id: string;
                            pmId: string;
                            pmReference: string;
                            amId: string;
                            amReference: string;
                            /** @enum {string} */
                            status: "preliminary" | "confirmed";
                            identifiers: string[];
                            members: string[];
                            note: string | null;
                            deathCertificateRef: string | null;
                            decidedBy: string;
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdIdentifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    pmId: string;
                    /** Format: uuid */
                    amId: string;
                    /** @enum {string} */
                    status: "preliminary" | "confirmed";
                    members: string[];
                    note?: string;
                    deathCertificateRef?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        pmId: string;
                        pmReference: string;
                        amId: string;
                        amReference: string;
                        /** @enum {string} */
                        status: "preliminary" | "confirmed";
                        identifiers: string[];
                        members: string[];
                        note: string | null;
                        deathCertificateRef: string | null;
                        decidedBy: string;
                        decidedAt: string;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `match_locked`: A board decision already binds one of these records; `primary_identifier_required`: A confirmed identification needs a primary identifier confirmed by an expert */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdIdentifiers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    pmId: string;
                    /** Format: uuid */
                    amId: string;
                    /** @enum {string} */
                    kind: "fingerprint" | "dental" | "dna";
                    expert: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `match_locked`: A board decision already binds one of these records */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        notifications: {
                            id: string;
                            amId: string;
                            amReference: string;
                            notifiedPerson: string;
                            relationship: string;
                            channel: string;
                            language: string;
                            support: string | null;
                            notifiedAt: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    amId: string;
                    notifiedPerson: string;
                    relationship: string;
                    /** @enum {string} */
                    channel: "consulate" | "police" | "red_crescent" | "red_cross" | "other";
                    language: string;
                    support?: string;
                    /** Format: date-time */
                    notifiedAt: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_identified`: The record has no confirmed identification yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdPostMortem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: {
                            id: string;
                            incidentId: string;
                            reference: string;
                            synthetic: boolean;
                            form: {
                                recoveryPlace: string;
                                /** Format: date-time */
                                recoveredAt: string;
                                /** @enum {string} */
                                condition: "complete" | "incomplete" | "fragmented" | "decomposed" | "skeletonised";
                                /** @enum {string} */
                                sex: "male" | "female" | "unknown";
                                ageRange?: {
                                    min: number;
                                    max: number;
                                };
                                heightCm?: {
                                    min: number;
                                    max: number;
                                };
                                marks?: string[];
                                clothing?: string[];
                                effects?: string[];
                                documents?: {
                                    kind: string;
                                    number?: string;
                                    issuingCountry?: string;
                                    names?: string[];
                                    dateOfBirth?: string;
                                }[];
                                photos?: string[];
                                samples?: {
                                    /** @enum {string} */
                                    kind: "fingerprint" | "dental" | "dna";
                                    reference: string;
                                    laboratory?: string;
                                    custody?: {
                                        /** Format: date-time */
                                        at: string;
                                        from: string;
                                        to: string;
                                        note?: string;
                                    }[];
                                }[];
                                storage?: string;
                                legalBasis?: string;
                            };
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdPostMortem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reference: string;
                    synthetic: boolean;
                    form: {
                        recoveryPlace: string;
                        /** Format: date-time */
                        recoveredAt: string;
                        /** @enum {string} */
                        condition: "complete" | "incomplete" | "fragmented" | "decomposed" | "skeletonised";
                        /** @enum {string} */
                        sex: "male" | "female" | "unknown";
                        ageRange?: {
                            min: number;
                            max: number;
                        };
                        heightCm?: {
                            min: number;
                            max: number;
                        };
                        marks?: string[];
                        clothing?: string[];
                        effects?: string[];
                        documents?: {
                            kind: string;
                            number?: string;
                            issuingCountry?: string;
                            names?: string[];
                            dateOfBirth?: string;
                        }[];
                        photos?: string[];
                        samples?: {
                            /** @enum {string} */
                            kind: "fingerprint" | "dental" | "dna";
                            reference: string;
                            laboratory?: string;
                            custody?: {
                                /** Format: date-time */
                                at: string;
                                from: string;
                                to: string;
                                note?: string;
                            }[];
                        }[];
                        storage?: string;
                        legalBasis?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        incidentId: string;
                        reference: string;
                        synthetic: boolean;
                        form: {
                            recoveryPlace: string;
                            /** Format: date-time */
                            recoveredAt: string;
                            /** @enum {string} */
                            condition: "complete" | "incomplete" | "fragmented" | "decomposed" | "skeletonised";
                            /** @enum {string} */
                            sex: "male" | "female" | "unknown";
                            ageRange?: {
                                min: number;
                                max: number;
                            };
                            heightCm?: {
                                min: number;
                                max: number;
                            };
                            marks?: string[];
                            clothing?: string[];
                            effects?: string[];
                            documents?: {
                                kind: string;
                                number?: string;
                                issuingCountry?: string;
                                names?: string[];
                                dateOfBirth?: string;
                            }[];
                            photos?: string[];
                            samples?: {
                                /** @enum {string} */
                                kind: "fingerprint" | "dental" | "dna";
                                reference: string;
                                laboratory?: string;
                                custody?: {
                                    /** Format: date-time */
                                    at: string;
                                    from: string;
                                    to: string;
                                    note?: string;
                                }[];
                            }[];
                            storage?: string;
                            legalBasis?: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `reference_taken`: Another DVI record of this incident has this reference */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdRepatriations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        repatriations: {
                            pmId: string;
                            pmReference: string;
                            /** @enum {string} */
                            status: "planned" | "under_way" | "completed" | "buried";
                            familyWishes: string | null;
                            laissezPasser: {
                                [key: string]: string;
                            } | null;
                            transport: string | null;
                            receivingAuthority: string | null;
                            graveLocation: string | null;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdRepatriations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    pmId: string;
                    /** @enum {string} */
                    status: "planned" | "under_way" | "completed" | "buried";
                    familyWishes?: string;
                    laissezPasser?: {
                        number: string;
                        issuedBy: string;
                        issuedAt: string;
                        destination: string;
                    };
                    transport?: string;
                    receivingAuthority?: string;
                    graveLocation?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_identified`: The record has no confirmed identification yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdSurvivors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: {
                            id: string;
                            incidentId: string;
                            reference: string;
                            synthetic: boolean;
                            /** @constant */
                            role: "victim";
                            form: {
                                names: {
                                    full: string;
                                    /** @enum {string} */
                                    script: "Latn" | "Arab" | "Cyrl" | "Other";
                                    lang?: string;
                                }[];
                                /** @enum {string} */
                                sex: "male" | "female" | "unknown";
                                age?: number;
                                nationality?: string;
                                assistance?: {
                                    kind: string;
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                }[];
                                consularNotification?: {
                                    consulate: string;
                                    /** Format: date-time */
                                    at: string;
                                };
                                statementCaseId?: string;
                            };
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdSurvivors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reference: string;
                    synthetic: boolean;
                    form: {
                        names: {
                            full: string;
                            /** @enum {string} */
                            script: "Latn" | "Arab" | "Cyrl" | "Other";
                            lang?: string;
                        }[];
                        /** @enum {string} */
                        sex: "male" | "female" | "unknown";
                        age?: number;
                        nationality?: string;
                        assistance?: {
                            kind: string;
                            by: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                        consularNotification?: {
                            consulate: string;
                            /** Format: date-time */
                            at: string;
                        };
                        statementCaseId?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        incidentId: string;
                        reference: string;
                        synthetic: boolean;
                        /** @constant */
                        role: "victim";
                        form: {
                            names: {
                                full: string;
                                /** @enum {string} */
                                script: "Latn" | "Arab" | "Cyrl" | "Other";
                                lang?: string;
                            }[];
                            /** @enum {string} */
                            sex: "male" | "female" | "unknown";
                            age?: number;
                            nationality?: string;
                            assistance?: {
                                kind: string;
                                by: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                            consularNotification?: {
                                consulate: string;
                                /** Format: date-time */
                                at: string;
                            };
                            statementCaseId?: string;
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `reference_taken`: Another DVI record of this incident has this reference */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: {
                            username: string;
                            addedBy: string;
                            addedAt: string;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_dvi`: Only users with the dvi role join a DVI team */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1IncidentsIdTransfers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transfers: {
                            id: string;
                            incidentId: string;
                            amId: string;
                            amReference: string;
                            partner: string;
                            /** @enum {string} */
                            status: "held" | "sent" | "refused";
                            includesRelativesDna: boolean;
                            reasons: string[];
                            requestedBy: string;
                            requestedAt: string;
                            decidedBy: string | null;
                            note: string | null;
                            partnerDeletedAt: string | null;
                            partnerDeletedReason: ("retention" | "erasure") | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1IncidentsIdTransfers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    amId: string;
                    partner: string;
                    /** @default false */
                    includeRelativesDna?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        incidentId: string;
                        amId: string;
                        amReference: string;
                        partner: string;
                        /** @enum {string} */
                        status: "held" | "sent" | "refused";
                        includesRelativesDna: boolean;
                        reasons: string[];
                        requestedBy: string;
                        requestedAt: string;
                        decidedBy: string | null;
                        note: string | null;
                        partnerDeletedAt: string | null;
                        partnerDeletedReason: ("retention" | "erasure") | null;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `partner_not_verified`: The partner is not verified yet; `not_collected_here`: A record received from a partner is not sent on */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MatchingBatches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partner: string;
                    /** @description Why the check is made (purpose limitation); logged on both sides, never the values */
                    purpose: string;
                    /** @description Treaty, agreement article or national law the check rests on; logged on both sides */
                    legalBasis: string;
                    csv: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        partner: string;
                        /** @enum {string} */
                        status: "running" | "done" | "failed";
                        total: number;
                        done: number;
                        hits: number;
                        error: string | null;
                        createdAt: string;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `item_not_matchable`: An item gives no matching token (bad number, empty name) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingBatchesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        partner: string;
                        /** @enum {string} */
                        status: "running" | "done" | "failed";
                        total: number;
                        done: number;
                        hits: number;
                        error: string | null;
                        createdAt: string;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingBatchesIdResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            index: number;
                            item: {
                                /** @constant */
                                kind: "person";
                                names: string[];
                                birthYear?: number;
                            } | {
                                /** @constant */
                                kind: "passport";
                                number: string;
                                issuingCountry: string;
                            } | {
                                /** @constant */
                                kind: "phone";
                                number: string;
                                country?: string;
                            } | {
                                /** @constant */
                                kind: "vessel";
                                imo?: string;
                                mmsi?: string;
                            } | {
                                /** @constant */
                                kind: "iban";
                                iban: string;
                            };
                            hit: boolean;
                            hitRefs: string[];
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MatchingChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partner: string;
                    /** @description Why the check is made (purpose limitation); logged on both sides, never the values */
                    purpose: string;
                    /** @description Treaty, agreement article or national law the check rests on; logged on both sides */
                    legalBasis: string;
                    items: ({
                        /** @constant */
                        kind: "person";
                        names: string[];
                        birthYear?: number;
                    } | {
                        /** @constant */
                        kind: "passport";
                        number: string;
                        issuingCountry: string;
                    } | {
                        /** @constant */
                        kind: "phone";
                        number: string;
                        country?: string;
                    } | {
                        /** @constant */
                        kind: "vessel";
                        imo?: string;
                        mmsi?: string;
                    } | {
                        /** @constant */
                        kind: "iban";
                        iban: string;
                    })[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        queryId: string;
                        partner: string;
                        epoch: number;
                        results: {
                            index: number;
                            item: {
                                /** @constant */
                                kind: "person";
                                names: string[];
                                birthYear?: number;
                            } | {
                                /** @constant */
                                kind: "passport";
                                number: string;
                                issuingCountry: string;
                            } | {
                                /** @constant */
                                kind: "phone";
                                number: string;
                                country?: string;
                            } | {
                                /** @constant */
                                kind: "vessel";
                                imo?: string;
                                mmsi?: string;
                            } | {
                                /** @constant */
                                kind: "iban";
                                iban: string;
                            };
                            hit: boolean;
                            hitRefs: string[];
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions); `matching_not_allowed`: The partner does not allow (or this node does not grant) hit/no-hit checks for this partner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `matching_epoch_changed`: The partner rotated its matching key since the filter was fetched; fetch it again; `token_version_mismatch`: The partner derives its matching tokens with another token version: no check is possible until both nodes run the same version; `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `item_not_matchable`: An item gives no matching token (bad number, empty name) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `matching_quota_exceeded`: The daily quota of blind evaluations for this partner is used up */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `matching_unavailable`: The partner could not be reached for the check */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MatchingFollowUps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partner: string;
                    hitRef: string;
                    /** @description Why the check is made (purpose limitation); logged on both sides, never the values */
                    purpose: string;
                    /** @description Treaty, agreement article or national law the check rests on; logged on both sides */
                    legalBasis: string;
                    crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                    question?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        messageId: string;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingFollowUpsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        messageId: string;
                        partner: string;
                        hitRef: string;
                        records: {
                            hitRef: string;
                            recordType: string;
                            /** @enum {string} */
                            source: "holding" | "message";
                            sourceId: string;
                            entityId: string;
                            crimeAreas: string[];
                            current: boolean;
                            entity: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `hit_ref_not_valid`: The partner quoting this hit reference could not have obtained it under its current matching policy (details.reason: unknown, withdrawn, not_allowed, not_obtained, expired); nothing of the record is shown */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingHitsRef: {
        parameters: {
            query: {
                partner: string;
            };
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: {
                            hitRef: string;
                            recordType: string;
                            /** @enum {string} */
                            source: "holding" | "message";
                            sourceId: string;
                            entityId: string;
                            crimeAreas: string[];
                            current: boolean;
                            entity: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `hit_ref_not_valid`: The partner quoting this hit reference could not have obtained it under its current matching policy (details.reason: unknown, withdrawn, not_allowed, not_obtained, expired); nothing of the record is shown */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingHoldings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        holdings: {
                            /** Format: uuid */
                            id: string;
                            source: string;
                            kind: string;
                            crimeAreas: string[];
                            entity: {
                                [key: string]: unknown;
                            };
                            createdAt: string;
                            createdBy: string;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MatchingHoldings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    source: string;
                    crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                    entities: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        added: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1MatchingHoldingsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingIndex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        epoch: number;
                        version: number;
                        records: number;
                        tokens: number;
                        recordsByType: {
                            [key: string]: number;
                        };
                        filterBytes: number;
                        bytesPerRecord: number;
                        keyCreatedAt: string | null;
                        keyAgeDays: number | null;
                        rotationDays: number;
                        lastRefreshAt: string | null;
                        suite: string;
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MatchingIndexRebuild: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        epoch: number;
                        version: number;
                        records: number;
                        tokens: number;
                        recordsByType: {
                            [key: string]: number;
                        };
                        filterBytes: number;
                        bytesPerRecord: number;
                        keyCreatedAt: string | null;
                        keyAgeDays: number | null;
                        rotationDays: number;
                        lastRefreshAt: string | null;
                        suite: string;
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MatchingIndexRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        epoch: number;
                        version: number;
                        records: number;
                        tokens: number;
                        recordsByType: {
                            [key: string]: number;
                        };
                        filterBytes: number;
                        bytesPerRecord: number;
                        keyCreatedAt: string | null;
                        keyAgeDays: number | null;
                        rotationDays: number;
                        lastRefreshAt: string | null;
                        suite: string;
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        policies: {
                            enabled: boolean;
                            recordTypes: ("person" | "identity_document" | "phone" | "vessel" | "financial")[];
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            dailyQuota: number;
                            partner: string;
                            version: number;
                            updatedAt: string | null;
                            updatedBy: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1MatchingPoliciesPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                    recordTypes: ("person" | "identity_document" | "phone" | "vessel" | "financial")[];
                    crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                    dailyQuota: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        recordTypes: ("person" | "identity_document" | "phone" | "vessel" | "financial")[];
                        crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                        dailyQuota: number;
                        partner: string;
                        version: number;
                        updatedAt: string | null;
                        updatedBy: string | null;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingQueries: {
        parameters: {
            query?: {
                partner?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queries: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            direction: "made" | "received";
                            partner: string;
                            officer: string | null;
                            purpose: string;
                            legalBasis: string;
                            items: number;
                            evaluations: number;
                            hits: number | null;
                            outcome: string;
                            createdAt: string;
                            answerJws: string | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MatchingReports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        partners: {
                            partner: string;
                            made: {
                                queries: number;
                                items: number;
                                hits: number;
                            };
                            received: {
                                queries: number;
                                items: number;
                                evaluations: number;
                                refused: number;
                            };
                            evaluationsToday: number;
                            dailyQuota: number;
                            lastQueryAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Messages: {
        parameters: {
            query?: {
                partner?: string;
                type?: "rfi" | "reply" | "info" | "alert" | "ack";
                priority?: "routine" | "high" | "urgent" | "threat_to_life";
                overdue?: "true" | "false";
                crimeArea?: "migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other";
                direction?: "in" | "out";
                q?: string;
                limit?: number;
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            partner: string;
                            /** @enum {string} */
                            type: "rfi" | "reply" | "info" | "alert" | "ack";
                            subject: string | null;
                            priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                            tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                            deadline: string | null;
                            overdue: boolean;
                            createdAt: string;
                            receivedAt: string | null;
                            readAt: string | null;
                            /** @enum {string} */
                            status: "sent" | "received" | "answered" | "held" | "returned";
                            delivery: {
                                id: string;
                                recipient: string;
                                type: string;
                                /** @enum {string} */
                                status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                attempts: number;
                                createdAt: string;
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                receiptAt: string | null;
                                expiresAt: string;
                                lastError: {
                                    status?: number;
                                    message: string;
                                    body?: string;
                                } | null;
                            } | null;
                            hasAttachments: boolean;
                            inReplyTo: string | null;
                            ackStatus: ("read" | "accepted" | "declined") | null;
                            ackReason: string | null;
                            ackAt: string | null;
                            unit: string | null;
                            addressedOfficers: string[];
                            review: {
                                /** @enum {string} */
                                status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                flags: {
                                    [key: string]: unknown;
                                }[];
                                note: string | null;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Messages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    recipient: string;
                    unit?: string;
                    message: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            partner: string;
                            /** @enum {string} */
                            type: "rfi" | "reply" | "info" | "alert" | "ack";
                            subject: string | null;
                            priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                            tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                            deadline: string | null;
                            overdue: boolean;
                            createdAt: string;
                            receivedAt: string | null;
                            readAt: string | null;
                            /** @enum {string} */
                            status: "sent" | "received" | "answered" | "held" | "returned";
                            delivery: {
                                id: string;
                                recipient: string;
                                type: string;
                                /** @enum {string} */
                                status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                attempts: number;
                                createdAt: string;
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                receiptAt: string | null;
                                expiresAt: string;
                                lastError: {
                                    status?: number;
                                    message: string;
                                    body?: string;
                                } | null;
                            } | null;
                            hasAttachments: boolean;
                            inReplyTo: string | null;
                            ackStatus: ("read" | "accepted" | "declined") | null;
                            ackReason: string | null;
                            ackAt: string | null;
                            unit: string | null;
                            addressedOfficers: string[];
                            review: {
                                /** @enum {string} */
                                status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                flags: {
                                    [key: string]: unknown;
                                }[];
                                note: string | null;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                            } | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `idempotency_key_reused`: The Idempotency-Key was already used with another request body (or another operation) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1MessagesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            partner: string;
                            /** @enum {string} */
                            type: "rfi" | "reply" | "info" | "alert" | "ack";
                            subject: string | null;
                            priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                            tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                            deadline: string | null;
                            overdue: boolean;
                            createdAt: string;
                            receivedAt: string | null;
                            readAt: string | null;
                            /** @enum {string} */
                            status: "sent" | "received" | "answered" | "held" | "returned";
                            delivery: {
                                id: string;
                                recipient: string;
                                type: string;
                                /** @enum {string} */
                                status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                attempts: number;
                                createdAt: string;
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                receiptAt: string | null;
                                expiresAt: string;
                                lastError: {
                                    status?: number;
                                    message: string;
                                    body?: string;
                                } | null;
                            } | null;
                            hasAttachments: boolean;
                            inReplyTo: string | null;
                            ackStatus: ("read" | "accepted" | "declined") | null;
                            ackReason: string | null;
                            ackAt: string | null;
                            unit: string | null;
                            addressedOfficers: string[];
                            review: {
                                /** @enum {string} */
                                status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                flags: {
                                    [key: string]: unknown;
                                }[];
                                note: string | null;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                            } | null;
                            body: string | null;
                            language: string | null;
                            evaluation: {
                                sourceReliability: string;
                                informationAccuracy: number;
                            } | null;
                            legalBasis: string | null;
                            purpose: string | null;
                            entities: unknown[];
                            attachments: {
                                id: string;
                                name: string;
                                mediaType: string;
                                size: number;
                                sha256: string;
                                /** @enum {string} */
                                status: "stored" | "pending" | "failed";
                            }[];
                            retentionReviewDate: string | null;
                            handlingRestriction: string | null;
                            alertKind: string | null;
                            validUntil: string | null;
                            hitRef: string | null;
                            final: boolean | null;
                            reason: string | null;
                            payload: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MessagesIdAck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "read" | "accepted" | "declined";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            partner: string;
                            /** @enum {string} */
                            type: "rfi" | "reply" | "info" | "alert" | "ack";
                            subject: string | null;
                            priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                            tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                            deadline: string | null;
                            overdue: boolean;
                            createdAt: string;
                            receivedAt: string | null;
                            readAt: string | null;
                            /** @enum {string} */
                            status: "sent" | "received" | "answered" | "held" | "returned";
                            delivery: {
                                id: string;
                                recipient: string;
                                type: string;
                                /** @enum {string} */
                                status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                attempts: number;
                                createdAt: string;
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                receiptAt: string | null;
                                expiresAt: string;
                                lastError: {
                                    status?: number;
                                    message: string;
                                    body?: string;
                                } | null;
                            } | null;
                            hasAttachments: boolean;
                            inReplyTo: string | null;
                            ackStatus: ("read" | "accepted" | "declined") | null;
                            ackReason: string | null;
                            ackAt: string | null;
                            unit: string | null;
                            addressedOfficers: string[];
                            review: {
                                /** @enum {string} */
                                status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                flags: {
                                    [key: string]: unknown;
                                }[];
                                note: string | null;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                            } | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions); `not_addressee`: Only those a message is addressed to may acknowledge it (not a viewer or break-glass reader) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_acknowledgeable`: Only messages received from a partner are acknowledged; `already_acknowledged`: The message is already acknowledged; `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MessagesIdConsentRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    recipient: string;
                    purpose: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        request: {
                            id: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            messageId: string;
                            partner: string;
                            recipient: string;
                            purpose: string;
                            /** @enum {string} */
                            status: "pending" | "granted" | "refused";
                            conditions: string | null;
                            createdAt: string;
                            answeredAt: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_received`: Only data received from a partner is passed on; `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1MessagesIdForward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    recipient: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            partner: string;
                            /** @enum {string} */
                            type: "rfi" | "reply" | "info" | "alert" | "ack";
                            subject: string | null;
                            priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                            tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                            deadline: string | null;
                            overdue: boolean;
                            createdAt: string;
                            receivedAt: string | null;
                            readAt: string | null;
                            /** @enum {string} */
                            status: "sent" | "received" | "answered" | "held" | "returned";
                            delivery: {
                                id: string;
                                recipient: string;
                                type: string;
                                /** @enum {string} */
                                status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                attempts: number;
                                createdAt: string;
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                receiptAt: string | null;
                                expiresAt: string;
                                lastError: {
                                    status?: number;
                                    message: string;
                                    body?: string;
                                } | null;
                            } | null;
                            hasAttachments: boolean;
                            inReplyTo: string | null;
                            ackStatus: ("read" | "accepted" | "declined") | null;
                            ackReason: string | null;
                            ackAt: string | null;
                            unit: string | null;
                            addressedOfficers: string[];
                            review: {
                                /** @enum {string} */
                                status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                flags: {
                                    [key: string]: unknown;
                                }[];
                                note: string | null;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                            } | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `consent_required`: H2/H3 data goes to a third partner only with its provider's consent; `onward_transmission_forbidden`: TLP:RED and TLP:AMBER+STRICT data is never passed on to another partner; `not_received`: Only data received from a partner is passed on; `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Node: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        agency: string;
                        country: string;
                        endpoint: string;
                        fingerprint: string;
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1NodeCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card: unknown;
                        cardJws: string;
                        fingerprint: {
                            text: string;
                            numeric: string;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1NodeRotateKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        fingerprint: string;
                        pushed: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Notifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        notifications: {
                            id: string;
                            at: string;
                            kind: string;
                            title: string;
                            detail: string;
                            readAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1NotificationsIdRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Partners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        partners: {
                            nodeId: string;
                            agency: string;
                            country: string;
                            endpoint: string;
                            /** @enum {string} */
                            status: "pending" | "verified" | "revoked";
                            fingerprint: {
                                text: string;
                                numeric: string;
                            };
                            importedAt: string;
                            verifiedAt: string | null;
                            verifiedBy: string | null;
                            revokedAt: string | null;
                            revocationReason: string | null;
                            cardValidUntil: string;
                            queued: number;
                            dead: number;
                            lastDeliveredAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Partners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cardJws: string;
                } | {
                    /** Format: uri */
                    url: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        partner: {
                            nodeId: string;
                            agency: string;
                            country: string;
                            endpoint: string;
                            /** @enum {string} */
                            status: "pending" | "verified" | "revoked";
                            fingerprint: {
                                text: string;
                                numeric: string;
                            };
                            importedAt: string;
                            verifiedAt: string | null;
                            verifiedBy: string | null;
                            revokedAt: string | null;
                            revocationReason: string | null;
                            cardValidUntil: string;
                            queued: number;
                            dead: number;
                            lastDeliveredAt: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls; `invalid_card`: The card is not a valid self-signed node card */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `partner_exists`: The partner is already imported */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `card_unreachable`: The partner's card could not be fetched */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1PartnersNodeIdRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        partner: {
                            nodeId: string;
                            agency: string;
                            country: string;
                            endpoint: string;
                            /** @enum {string} */
                            status: "pending" | "verified" | "revoked";
                            fingerprint: {
                                text: string;
                                numeric: string;
                            };
                            importedAt: string;
                            verifiedAt: string | null;
                            verifiedBy: string | null;
                            revokedAt: string | null;
                            revocationReason: string | null;
                            cardValidUntil: string;
                            queued: number;
                            dead: number;
                            lastDeliveredAt: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1PartnersNodeIdVerify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fingerprint: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        partner: {
                            nodeId: string;
                            agency: string;
                            country: string;
                            endpoint: string;
                            /** @enum {string} */
                            status: "pending" | "verified" | "revoked";
                            fingerprint: {
                                text: string;
                                numeric: string;
                            };
                            importedAt: string;
                            verifiedAt: string | null;
                            verifiedBy: string | null;
                            revokedAt: string | null;
                            revocationReason: string | null;
                            cardValidUntil: string;
                            queued: number;
                            dead: number;
                            lastDeliveredAt: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls; `fingerprint_mismatch`: The fingerprint read out of band does not match the card */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `partner_revoked`: The partner is revoked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1RetentionDue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            id: string;
                            type: string;
                            direction: string;
                            partner: string;
                            subject: string | null;
                            createdAt: string;
                            dueOn: string;
                            legalBasis: string | null;
                            handlingCode: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1RetentionRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    recordType: "message" | "dvi_post_mortem" | "dvi_ante_mortem" | "case_document";
                    legalBasis: string;
                    reviewAfterDays: number;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1RetentionScan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        listed: number | null;
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1RetentionIdExtend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    until: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1RetentionIdPurge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    overrideBoardLock?: boolean;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `review_pending`: The message awaits review: return it before purging it; `partner_not_verified`: The partner is not verified yet; `identification_locked`: An identification board decision locks this DVI record while its case is open: purging it needs the DPO's explicit override */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds; `storage_unavailable`: The attachment store (folder or S3 bucket) is unreachable or refuses the node; nothing was changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Reviews: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            partner: string;
                            /** @enum {string} */
                            type: "rfi" | "reply" | "info" | "alert" | "ack";
                            subject: string | null;
                            priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                            tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                            deadline: string | null;
                            overdue: boolean;
                            createdAt: string;
                            receivedAt: string | null;
                            readAt: string | null;
                            /** @enum {string} */
                            status: "sent" | "received" | "answered" | "held" | "returned";
                            delivery: {
                                id: string;
                                recipient: string;
                                type: string;
                                /** @enum {string} */
                                status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                attempts: number;
                                createdAt: string;
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                receiptAt: string | null;
                                expiresAt: string;
                                lastError: {
                                    status?: number;
                                    message: string;
                                    body?: string;
                                } | null;
                            } | null;
                            hasAttachments: boolean;
                            inReplyTo: string | null;
                            ackStatus: ("read" | "accepted" | "declined") | null;
                            ackReason: string | null;
                            ackAt: string | null;
                            unit: string | null;
                            addressedOfficers: string[];
                            review: {
                                /** @enum {string} */
                                status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                flags: {
                                    [key: string]: unknown;
                                }[];
                                note: string | null;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                            } | null;
                            createdBy: string | null;
                            payload: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ReviewsIdApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    redact?: {
                        subject?: string;
                        body?: string;
                        removeEntityIds?: string[];
                        removeAttachmentIds?: string[];
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            partner: string;
                            /** @enum {string} */
                            type: "rfi" | "reply" | "info" | "alert" | "ack";
                            subject: string | null;
                            priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                            tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                            deadline: string | null;
                            overdue: boolean;
                            createdAt: string;
                            receivedAt: string | null;
                            readAt: string | null;
                            /** @enum {string} */
                            status: "sent" | "received" | "answered" | "held" | "returned";
                            delivery: {
                                id: string;
                                recipient: string;
                                type: string;
                                /** @enum {string} */
                                status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                attempts: number;
                                createdAt: string;
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                receiptAt: string | null;
                                expiresAt: string;
                                lastError: {
                                    status?: number;
                                    message: string;
                                    body?: string;
                                } | null;
                            } | null;
                            hasAttachments: boolean;
                            inReplyTo: string | null;
                            ackStatus: ("read" | "accepted" | "declined") | null;
                            ackReason: string | null;
                            ackAt: string | null;
                            unit: string | null;
                            addressedOfficers: string[];
                            review: {
                                /** @enum {string} */
                                status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                flags: {
                                    [key: string]: unknown;
                                }[];
                                note: string | null;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                            } | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_pending`: The message is not waiting for review; `already_sent`: The message has already left; it cannot be redacted; `partner_not_verified`: The partner is not verified yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ReviewsIdReturn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            partner: string;
                            /** @enum {string} */
                            type: "rfi" | "reply" | "info" | "alert" | "ack";
                            subject: string | null;
                            priority: ("routine" | "high" | "urgent" | "threat_to_life") | null;
                            crimeAreas: ("migrant_smuggling" | "trafficking_in_persons" | "terrorism" | "document_fraud" | "organised_crime" | "drug_trafficking" | "money_laundering" | "cybercrime" | "other")[];
                            handlingCode: ("H0" | "H1" | "H2" | "H3") | null;
                            tlp: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED") | null;
                            deadline: string | null;
                            overdue: boolean;
                            createdAt: string;
                            receivedAt: string | null;
                            readAt: string | null;
                            /** @enum {string} */
                            status: "sent" | "received" | "answered" | "held" | "returned";
                            delivery: {
                                id: string;
                                recipient: string;
                                type: string;
                                /** @enum {string} */
                                status: "queued" | "sending" | "delivered" | "failed" | "dead";
                                attempts: number;
                                createdAt: string;
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                receiptAt: string | null;
                                expiresAt: string;
                                lastError: {
                                    status?: number;
                                    message: string;
                                    body?: string;
                                } | null;
                            } | null;
                            hasAttachments: boolean;
                            inReplyTo: string | null;
                            ackStatus: ("read" | "accepted" | "declined") | null;
                            ackReason: string | null;
                            ackAt: string | null;
                            unit: string | null;
                            addressedOfficers: string[];
                            review: {
                                /** @enum {string} */
                                status: "pending" | "approved" | "returned" | "sent_before_review" | "reviewed_after";
                                flags: {
                                    [key: string]: unknown;
                                }[];
                                note: string | null;
                                reviewedBy: string | null;
                                reviewedAt: string | null;
                            } | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_pending`: The message is not waiting for review */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ScreeningBatches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    csv: string;
                    /** @description Why this screening is done (purpose limitation); written to the audit log */
                    purpose: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "running" | "done" | "failed";
                        total: number;
                        done: number;
                        purpose: string;
                        createdAt: string;
                        finishedAt: string | null;
                        error: string | null;
                        confident: number;
                        review: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `no_active_list`: No UN list has been imported yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ScreeningBatchesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "running" | "done" | "failed";
                        total: number;
                        done: number;
                        purpose: string;
                        createdAt: string;
                        finishedAt: string | null;
                        error: string | null;
                        confident: number;
                        review: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ScreeningBatchesIdResults: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `batch_not_done`: The screening batch has not finished */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ScreeningDesignationsRef: {
        parameters: {
            query?: {
                list?: string;
            };
            header?: never;
            path: {
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        designation: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ScreeningLists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lists: {
                            id: string;
                            generatedAt: string;
                            importedAt: string;
                            importedBy: string;
                            sourceName: string;
                            sha256: string;
                            active: boolean;
                            individuals: number;
                            entities: number;
                            aliases: number;
                            originalScriptNames: number;
                            previousId: string | null;
                            added: number;
                            removed: number;
                            amended: number;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ScreeningLists: {
        parameters: {
            query?: {
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            id: string;
                            generatedAt: string;
                            importedAt: string;
                            importedBy: string;
                            sourceName: string;
                            sha256: string;
                            active: boolean;
                            individuals: number;
                            entities: number;
                            aliases: number;
                            originalScriptNames: number;
                            previousId: string | null;
                            added: number;
                            removed: number;
                            amended: number;
                        };
                        diff: {
                            from: string;
                            to: string;
                            added: number;
                            removed: number;
                            amended: number;
                            changes: {
                                referenceNumber: string;
                                /** @enum {string} */
                                change: "added" | "removed" | "amended";
                                name: string;
                                fields: string[];
                            }[];
                        } | null;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `list_already_imported`: This UN list file has already been imported; `list_not_newer`: The UN list file is not newer than the active list */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ScreeningListsIdDiff: {
        parameters: {
            query?: {
                from?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        added: number;
                        removed: number;
                        amended: number;
                        changes: {
                            referenceNumber: string;
                            /** @enum {string} */
                            change: "added" | "removed" | "amended";
                            name: string;
                            fields: string[];
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ScreeningMessagesIdFlags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        flags: {
                            entityId: string;
                            names: string[];
                            screenedAt: string | null;
                            level: ("confident" | "review") | null;
                            topScore: number | null;
                            candidates: {
                                referenceNumber: string;
                                /** @enum {string} */
                                kind: "individual" | "entity";
                                name: string;
                                regime: string;
                                listedOn: string | null;
                                score: number;
                                nameScore: number;
                                /** @enum {string} */
                                level: "confident" | "review";
                                queryName: string;
                                matchedName: string;
                                /** @enum {string} */
                                matchedSource: "name" | "alias" | "original_script";
                                matchedQuality?: string;
                                alignment: string[];
                                birth: {
                                    /** @enum {string} */
                                    status: "agree" | "close" | "conflict" | "unknown";
                                    listed: string[];
                                };
                                nationality: {
                                    /** @enum {string} */
                                    status: "agree" | "close" | "conflict" | "unknown";
                                    listed: string[];
                                };
                                document: {
                                    /** @enum {string} */
                                    status: "agree" | "close" | "conflict" | "unknown";
                                    listed: string[];
                                };
                            }[];
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1ScreeningScreen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    query: {
                        names: string[];
                        birthDate?: string;
                        nationalities?: string[];
                        documents?: string[];
                    };
                    /** @description Why this screening is done (purpose limitation); written to the audit log */
                    purpose: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        listId: string;
                        listGeneratedAt: string;
                        thresholds: {
                            confident: number;
                            review: number;
                        };
                        candidates: {
                            referenceNumber: string;
                            /** @enum {string} */
                            kind: "individual" | "entity";
                            name: string;
                            regime: string;
                            listedOn: string | null;
                            score: number;
                            nameScore: number;
                            /** @enum {string} */
                            level: "confident" | "review";
                            queryName: string;
                            matchedName: string;
                            /** @enum {string} */
                            matchedSource: "name" | "alias" | "original_script";
                            matchedQuality?: string;
                            alignment: string[];
                            birth: {
                                /** @enum {string} */
                                status: "agree" | "close" | "conflict" | "unknown";
                                listed: string[];
                            };
                            nationality: {
                                /** @enum {string} */
                                status: "agree" | "close" | "conflict" | "unknown";
                                listed: string[];
                            };
                            document: {
                                /** @enum {string} */
                                status: "agree" | "close" | "conflict" | "unknown";
                                listed: string[];
                            };
                        }[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `no_active_list`: No UN list has been imported yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1ScreeningThresholds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        confident: number;
                        review: number;
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1ScreeningThresholds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confident: number;
                    review: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        confident: number;
                        review: number;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1SharingPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        policies: {
                            id: string;
                            partner: string;
                            crimeArea: string | null;
                            maxHandlingCode: string;
                            dataCategories: string[];
                            description: string;
                            createdBy: string;
                            createdAt: string;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1SharingPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partner: string;
                    /** @default null */
                    crimeArea?: string | null;
                    /** @enum {string} */
                    maxHandlingCode: "H0" | "H1" | "H2" | "H3";
                    dataCategories: ("persons" | "identity_documents" | "phones" | "financial" | "vehicles" | "attachments")[];
                    description: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        policy: {
                            id: string;
                            partner: string;
                            crimeArea: string | null;
                            maxHandlingCode: string;
                            dataCategories: string[];
                            description: string;
                            createdBy: string;
                            createdAt: string;
                            revokedAt: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1SharingPoliciesIdRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1StixImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bundle: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        draft: {
                            [key: string]: unknown;
                        };
                        notes: string[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1StixMessagesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        type: "bundle";
                        id: string;
                        objects: ({
                            type: string;
                            id: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1SubjectRequestsChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    module: string;
                    /** Format: uuid */
                    recordId: string;
                    entityId: string;
                    /** @enum {string} */
                    action: "erase" | "correct";
                    names?: {
                        [key: string]: string;
                    }[];
                    reference: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `match_locked`: A board decision already binds one of these records */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1SubjectRequestsSearch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: {
                        given?: string;
                        family?: string;
                        father?: string;
                        full?: string;
                    };
                    /** @default 0.8 */
                    threshold?: number;
                    reference: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        report: {
                            reference: string;
                            query: {
                                given?: string;
                                family?: string;
                                father?: string;
                                full?: string;
                            };
                            threshold: number;
                            generatedAt: string;
                            generatedBy: string;
                            hits: {
                                module: string;
                                recordKind: string;
                                recordId: string;
                                entityId: string;
                                score: number;
                                matchedName: {
                                    [key: string]: string;
                                };
                                names: {
                                    [key: string]: unknown;
                                }[];
                                role: string | null;
                                partner: string | null;
                                direction: string | null;
                                createdAt: string;
                                handlingCode: string | null;
                                tlp: string | null;
                                purpose: string | null;
                            }[];
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            scopes: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                            createdAt: string;
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    expiresInDays?: number;
                    scopes?: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                    totp?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        view: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            scopes: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                            createdAt: string;
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired; `totp_required`: The account needs its second-factor code; `totp_invalid`: The second-factor code is wrong or was already used */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions); `session_required`: Only a signed-in browser session may do this (not an API token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteApiV1TokensId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Units: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        units: {
                            id: string;
                            name: string;
                            members: string[];
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Units: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unit: {
                            id: string;
                            name: string;
                            members: string[];
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unit_exists`: A unit with this id already exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApiV1Users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            /** Format: uuid */
                            id: string;
                            username: string;
                            displayName: string;
                            roles: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                            totpEnabled: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1Users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    displayName: string;
                    password: string;
                    roles: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            username: string;
                            displayName: string;
                            roles: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                            totpEnabled: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            createdAt: string;
                        };
                        totpSecret: string | null;
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `username_taken`: The username is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchApiV1UsersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    roles?: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            username: string;
                            displayName: string;
                            roles: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                            totpEnabled: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `last_admin`: The change would leave the node without an administrator; `totp_not_enrolled`: Admin and DPO roles need a second factor */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putApiV1UsersIdUnits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    units: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        units: string[];
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: The request body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: The file type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApiV1UsersIdUnlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            username: string;
                            displayName: string;
                            roles: ("admin" | "liaison" | "analyst" | "dvi" | "dpo" | "viewer")[];
                            totpEnabled: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            createdAt: string;
                        };
                    };
                };
            };
            /** @description `bad_request`: The request is malformed or fails validation; nothing changed; `invalid_text`: A string is not text (NUL, lone surrogate) or a label holds bidirectional controls */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: Sign-in required; `invalid_token`: Unknown, expired or revoked API token; `session_expired`: The session has expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: The roles or need-to-know of the caller do not allow this; `csrf_invalid`: Missing or wrong CSRF token (cookie sessions) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: No such record, or one the caller may not know exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal`: Internal error; the answer carries a reference for the log */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `database_unavailable`: The database is briefly unreachable (restart, failover); retry after the Retry-After seconds; `overloaded`: The node has too many requests in progress; retry after the Retry-After seconds; `shutting_down`: The process is shutting down (a request on a connection it drains); retry after the Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description `unauthenticated`: the metrics token is missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: metrics are off, or the client is not on the loopback interface */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ready";
                        /** @enum {unknown} */
                        reason?: "database_unreachable" | "delivery_stalled" | "storage_unreachable";
                        /** @enum {unknown} */
                        database: "up" | "down";
                        /** @description The attachment store (a folder or an S3 bucket) and whether it answered */
                        storage?: {
                            /** @enum {unknown} */
                            kind: "folder" | "s3";
                            /** @enum {unknown} */
                            status: "up" | "down";
                        };
                        /** @description Why the attachment store is down (no secret) */
                        message?: string;
                        /** @description Undelivered outgoing messages by status, and how long the oldest due one has waited */
                        delivery?: {
                            queued: number;
                            sending: number;
                            failed: number;
                            dead: number;
                            oldestDueSeconds: number;
                        };
                    };
                };
            };
            /** @description Not ready: database unreachable, attachment store unreachable (bucket missing, access denied, endpoint down), or the delivery workers are stalled */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "not_ready";
                        /** @enum {unknown} */
                        reason?: "database_unreachable" | "delivery_stalled" | "storage_unreachable";
                        /** @enum {unknown} */
                        database: "up" | "down";
                        /** @description The attachment store (a folder or an S3 bucket) and whether it answered */
                        storage?: {
                            /** @enum {unknown} */
                            kind: "folder" | "s3";
                            /** @enum {unknown} */
                            status: "up" | "down";
                        };
                        /** @description Why the attachment store is down (no secret) */
                        message?: string;
                        /** @description Undelivered outgoing messages by status, and how long the oldest due one has waited */
                        delivery?: {
                            queued: number;
                            sending: number;
                            failed: number;
                            dead: number;
                            oldestDueSeconds: number;
                        };
                    };
                };
            };
        };
    };
}
