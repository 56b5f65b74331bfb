import CentraleDomain
import Foundation
import GRDB

/// The migrations since the service went live with trip logs, plans and closed months:
/// money you can trust (v7), associations leaving (v8), beneficiaries' lifecycle (v10).
/// Shipped migrations are never edited; a new one is appended to `Migrations.all`.
extension Migrations {
    /// Money you can trust: the audit trail as a hash chain (`prev_hash`, `hash`, computed here
    /// for the entries already written), the reviews of flagged km (`km_review`), and each
    /// closed month's frozen monitoring report (`report_snapshot`).
    static func money(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
            ALTER TABLE audit_log ADD COLUMN hash TEXT;
            CREATE TABLE km_review (
              trip INTEGER PRIMARY KEY NOT NULL REFERENCES trip_log(trip),
              decision TEXT NOT NULL CHECK (decision IN ('accept', 'estimate', 'km')),
              logged_m INTEGER NOT NULL CHECK (logged_m >= 0),
              estimated_m INTEGER NOT NULL CHECK (estimated_m >= 0),
              paid_m INTEGER NOT NULL CHECK (paid_m >= 0),
              reason TEXT NOT NULL,
              reviewed_at TEXT NOT NULL,
              reviewed_by TEXT NOT NULL
            );
            CREATE TABLE report_snapshot (
              month TEXT PRIMARY KEY NOT NULL REFERENCES closed_month(month),
              version INTEGER NOT NULL,
              json TEXT NOT NULL,
              sha256 TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON report_snapshot
              BEGIN SELECT RAISE(ABORT, 'the report of a closed month is frozen'); END;
            CREATE TRIGGER report_snapshot_kept BEFORE DELETE ON report_snapshot
              BEGIN SELECT RAISE(ABORT, 'the report of a closed month is frozen'); END;
            """)
        // Chain the entries already written, oldest first (the append-only trigger is lifted
        // for this one update and put back as it was).
        try db.execute(sql: "DROP TRIGGER audit_log_no_update")
        var previous = AuditChain.genesis
        let rows = try Row.fetchAll(db, sql: "SELECT id, at, actor, action, entity, entity_id, details, reason FROM audit_log ORDER BY id")
        let update = try db.makeStatement(sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?")
        for row in rows {
            let hash = AuditChain.hash(id: row[0], at: row[1], actor: row[2], action: row[3], entity: row[4], entityID: row[5],
                                       details: row[6], reason: row[7], previous: previous)
            try update.execute(arguments: [previous, hash, row[0] as Int64])
            previous = hash
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
              BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: add a new entry instead'); END;
            """)
    }

    /// The day an association left the convention (NULL while it is a member).
    static func departures(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE association ADD COLUMN left_on TEXT")
    }

    /// Beneficiaries from referral to closing: the full personal record (in
    /// `beneficiary_personal`), the referral's details (`beneficiary_referral`, personal too),
    /// authorisations, the status history, the day a personal record was erased, and trips
    /// whose address has only an approximate position.
    static func people(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE beneficiary_personal ADD COLUMN surname TEXT NOT NULL DEFAULT '';
            ALTER TABLE beneficiary_personal ADD COLUMN given_name TEXT NOT NULL DEFAULT '';
            ALTER TABLE beneficiary_personal ADD COLUMN codice_fiscale TEXT;
            ALTER TABLE beneficiary_personal ADD COLUMN birth_date TEXT;
            ALTER TABLE beneficiary_personal ADD COLUMN phones TEXT NOT NULL DEFAULT '';
            ALTER TABLE beneficiary_personal ADD COLUMN street TEXT NOT NULL DEFAULT '';
            ALTER TABLE beneficiary_personal ADD COLUMN house_number TEXT NOT NULL DEFAULT '';
            ALTER TABLE beneficiary_personal ADD COLUMN home_comune TEXT REFERENCES comune(istat_code);
            ALTER TABLE beneficiary_personal ADD COLUMN home_approximate INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE beneficiary_personal ADD COLUMN caregiver TEXT NOT NULL DEFAULT '';
            ALTER TABLE beneficiary_personal ADD COLUMN caregiver_phone TEXT NOT NULL DEFAULT '';
            ALTER TABLE beneficiary_personal ADD COLUMN driver_notes TEXT NOT NULL DEFAULT '';
            ALTER TABLE beneficiary_personal ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
            CREATE UNIQUE INDEX beneficiary_personal_cf ON beneficiary_personal(codice_fiscale) WHERE codice_fiscale IS NOT NULL;
            CREATE TABLE beneficiary_referral (
              code TEXT PRIMARY KEY NOT NULL REFERENCES beneficiary(code) ON DELETE CASCADE,
              referrer_name TEXT NOT NULL DEFAULT '',
              referrer_role TEXT NOT NULL DEFAULT '',
              referred_on TEXT NOT NULL,
              pai_reference TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE beneficiary_authorisation (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              code TEXT NOT NULL REFERENCES beneficiary(code),
              purposes TEXT NOT NULL,
              needs INTEGER NOT NULL DEFAULT 0,
              companion INTEGER NOT NULL DEFAULT 0 CHECK (companion IN (0, 1)),
              valid_from TEXT NOT NULL,
              valid_until TEXT NOT NULL,
              recorded_at TEXT NOT NULL,
              CHECK (valid_until >= valid_from)
            );
            CREATE INDEX beneficiary_authorisation_code ON beneficiary_authorisation(code, id);
            CREATE TABLE beneficiary_status (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              code TEXT NOT NULL REFERENCES beneficiary(code),
              status TEXT NOT NULL CHECK (status IN ('referred', 'active', 'suspended', 'closed')),
              from_date TEXT NOT NULL,
              to_date TEXT,
              reason TEXT NOT NULL DEFAULT '',
              closing_reason TEXT CHECK (closing_reason IS NULL
                OR closing_reason IN ('ended', 'moved', 'deceased', 'no_longer_eligible', 'refused')),
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              CHECK (to_date IS NULL OR to_date >= from_date)
            );
            CREATE INDEX beneficiary_status_code ON beneficiary_status(code, id);
            CREATE INDEX beneficiary_status_kind ON beneficiary_status(status, from_date);
            ALTER TABLE beneficiary ADD COLUMN erased_on TEXT;
            ALTER TABLE trip ADD COLUMN approximate INTEGER NOT NULL DEFAULT 0;
            """)
        // People recorded before: `find` searches their full name and phone.
        for row in try Row.fetchAll(db, sql: "SELECT code, name, phone FROM beneficiary_personal") {
            try db.execute(sql: "UPDATE beneficiary_personal SET search_key = ? WHERE code = ?",
                           arguments: [Store.legacySearchKey(row["name"], row["phone"]), row["code"] as String])
        }
    }

    /// The keyed fingerprints of the codici fiscali of erased people, so that a list imported
    /// again does not register them anew without being told to. A fingerprint is
    /// HMAC-SHA-256 of the normalised codice fiscale under a random key made at the first
    /// erasure (`meta` `erasure_salt`); it names no code, no date, nothing else.
    static func erasedPeople(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE erased_person (
              fingerprint TEXT PRIMARY KEY NOT NULL CHECK (length(fingerprint) = 64)
            ) WITHOUT ROWID;
            """)
    }

    /// The association's day: volunteers under pseudonymous codes (licence, insurance under
    /// art. 18 CTS, qualifications, weekly shifts) and their absences; vehicles' out-of-service
    /// periods and documents; trips confirmed with a vehicle and a driver, and trips declined
    /// (the engine does not offer a declined trip to that association again).
    static func volunteers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE volunteer (
              association TEXT NOT NULL REFERENCES association(code),
              code TEXT NOT NULL CHECK (length(code) > 0),
              licence_category TEXT NOT NULL DEFAULT '',
              licence_expiry TEXT,
              birth_year INTEGER NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
              insurance_policy TEXT NOT NULL DEFAULT '',
              insured_until TEXT,
              qualifications INTEGER NOT NULL DEFAULT 0,
              shifts TEXT NOT NULL DEFAULT '',
              PRIMARY KEY (association, code)
            ) WITHOUT ROWID;
            CREATE TABLE volunteer_absence (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              association TEXT NOT NULL,
              code TEXT NOT NULL,
              from_date TEXT NOT NULL,
              to_date TEXT NOT NULL,
              reason TEXT NOT NULL DEFAULT '',
              FOREIGN KEY (association, code) REFERENCES volunteer(association, code),
              CHECK (to_date >= from_date)
            );
            CREATE INDEX volunteer_absence_who ON volunteer_absence(association, code, from_date);
            CREATE TABLE vehicle_off (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              plate TEXT NOT NULL REFERENCES vehicle(plate),
              from_date TEXT NOT NULL,
              to_date TEXT NOT NULL,
              reason TEXT NOT NULL,
              CHECK (to_date >= from_date)
            );
            CREATE INDEX vehicle_off_plate ON vehicle_off(plate, from_date);
            CREATE TABLE vehicle_document (
              plate TEXT NOT NULL REFERENCES vehicle(plate),
              kind TEXT NOT NULL CHECK (kind IN ('inspection', 'insurance')),
              reference TEXT NOT NULL DEFAULT '',
              valid_until TEXT NOT NULL,
              PRIMARY KEY (plate, kind)
            ) WITHOUT ROWID;
            CREATE TABLE trip_confirmation (
              trip INTEGER PRIMARY KEY NOT NULL REFERENCES trip(id),
              association TEXT NOT NULL REFERENCES association(code),
              vehicle TEXT NOT NULL REFERENCES vehicle(plate),
              driver TEXT NOT NULL,
              confirmed_at TEXT NOT NULL,
              confirmed_by TEXT NOT NULL,
              FOREIGN KEY (association, driver) REFERENCES volunteer(association, code)
            );
            CREATE INDEX trip_confirmation_vehicle ON trip_confirmation(vehicle);
            CREATE INDEX trip_confirmation_driver ON trip_confirmation(association, driver);
            CREATE TABLE trip_decline (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              trip INTEGER NOT NULL REFERENCES trip(id),
              association TEXT NOT NULL REFERENCES association(code),
              reason TEXT NOT NULL CHECK (length(reason) > 0),
              declined_at TEXT NOT NULL,
              declined_by TEXT NOT NULL
            );
            CREATE INDEX trip_decline_trip ON trip_decline(trip);
            ALTER TABLE trip_log ADD COLUMN driver_flag TEXT;
            """)
    }
}

extension Migrations {
    /// Access tokens for the server (`centrale token issue`): only a SHA-256 of each token is
    /// kept, with its first characters (`hint`) so that a list can name it; the role, the
    /// association it acts for, its owner (the actor in the audit trail), its last valid day and
    /// its revocation.
    static func apiTokens(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE api_token (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
              hint TEXT NOT NULL,
              role TEXT NOT NULL CHECK (role IN ('association', 'monitoring', 'dispatcher')),
              association TEXT REFERENCES association(code),
              owner TEXT NOT NULL CHECK (length(owner) > 0),
              issued_at TEXT NOT NULL,
              issued_by TEXT NOT NULL,
              valid_until TEXT,
              revoked_at TEXT,
              revoked_by TEXT,
              CHECK ((role = 'association') = (association IS NOT NULL))
            );
            """)
    }
}

extension Migrations {
    /// A log's outcome may also be `cancelled_late` (the person cancelled less than 24 hours
    /// before). SQLite cannot change a CHECK constraint in place: the table is rebuilt with the
    /// same columns, rows and indexes (foreign keys are checked after the migration).
    static func lateCancellations(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE trip_log_v14 (
              trip INTEGER PRIMARY KEY NOT NULL REFERENCES trip(id),
              association TEXT NOT NULL REFERENCES association(code),
              vehicle TEXT NOT NULL REFERENCES vehicle(plate),
              driver TEXT NOT NULL,
              odometer_start_m INTEGER,
              odometer_end_m INTEGER,
              driven_m INTEGER NOT NULL CHECK (driven_m >= 0),
              picked_up_at INTEGER,
              dropped_off_at INTEGER,
              waiting_min INTEGER NOT NULL DEFAULT 0 CHECK (waiting_min >= 0),
              outcome TEXT NOT NULL CHECK (outcome IN ('done', 'no_show', 'cancelled_on_spot', 'cancelled_late')),
              notes TEXT NOT NULL DEFAULT '',
              submitted_at TEXT NOT NULL,
              submitted_by TEXT NOT NULL,
              source TEXT,
              submission INTEGER REFERENCES log_submission(id),
              estimated_m INTEGER NOT NULL DEFAULT 0,
              km_flag TEXT,
              driver_flag TEXT
            );
            INSERT INTO trip_log_v14 (trip, association, vehicle, driver, odometer_start_m, odometer_end_m, driven_m, picked_up_at,
                                      dropped_off_at, waiting_min, outcome, notes, submitted_at, submitted_by, source, submission,
                                      estimated_m, km_flag, driver_flag)
              SELECT trip, association, vehicle, driver, odometer_start_m, odometer_end_m, driven_m, picked_up_at,
                     dropped_off_at, waiting_min, outcome, notes, submitted_at, submitted_by, source, submission,
                     estimated_m, km_flag, driver_flag FROM trip_log;
            DROP TABLE trip_log;
            ALTER TABLE trip_log_v14 RENAME TO trip_log;
            CREATE INDEX trip_log_association ON trip_log(association);
            CREATE INDEX trip_log_flagged ON trip_log(km_flag) WHERE km_flag IS NOT NULL;
            """)
    }
}

extension Migrations {
    /// A centre cancellation keeps when it was made and whether that was in advance or late
    /// (less than 24 hours before the trip). Trips cancelled earlier take the time of their
    /// audit entry (`trip.cancel`), classified the same way.
    static func cancellationTimes(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE trip ADD COLUMN cancelled_at TEXT;
            ALTER TABLE trip ADD COLUMN cancellation TEXT CHECK (cancellation IN ('cancelled_in_advance', 'cancelled_late'));
            """)
        let rows = try Row.fetchAll(db, sql: """
            SELECT trip.id, trip.date, trip.appointment, trip.leg, MAX(audit_log.at) AS at FROM trip
            JOIN audit_log ON audit_log.entity = 'trip' AND audit_log.entity_id = CAST(trip.id AS TEXT) AND audit_log.action = 'trip.cancel'
            WHERE trip.status = 'cancelled' GROUP BY trip.id
            """)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for row in rows {
            guard let text = row["at"] as String?, let at = formatter.date(from: text), let date = LocalDate(row["date"] as String),
                  let leg = TripLeg(rawValue: row["leg"]) else { continue }
            let start = TripRequest.startMinute(appointment: row["appointment"], leg: leg)
            let kind = ServiceOutcome.cancellation(minutesBefore: Store.minutes(from: at, to: date, minute: start))
            try db.execute(sql: "UPDATE trip SET cancelled_at = ?, cancellation = ? WHERE id = ?",
                           arguments: [text, kind.rawValue, row["id"] as Int64])
        }
    }
}
