import GRDB

/// The schema, as a sequence of versioned migrations.
///
/// Never edit a migration that has shipped: add a new one. A database created fresh and one
/// migrated from any earlier version end up with the same schema (tested).
enum Migrations {
    /// Every migration, in order, by identifier.
    static let all: [(id: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1_registry", registry),
        ("v2_service", service),
        ("v3_audit", audit),
        ("v4_log_submissions", logSubmissions),
        ("v5_closed_months", closedMonths),
        ("v6_plans", plans),
        ("v7_money", money),
        ("v8_departures", departures),
        ("v10_people", people),
        ("v11_erased_people", erasedPeople),
        ("v12_volunteers", volunteers),
        ("v13_api_tokens", apiTokens),
        ("v14_late_cancellations", lateCancellations),
        ("v15_cancellation_times", cancellationTimes),
    ]

    /// A migrator with every migration, or only the first `count`.
    static func migrator(upTo count: Int = all.count) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all.prefix(count) { migrator.registerMigration(migration.id, migrate: migration.migrate) }
        return migrator
    }

    /// Comuni, places, associations, fleets, convention versions, metadata.
    static func registry(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (
              key TEXT PRIMARY KEY NOT NULL,
              value TEXT NOT NULL
            );
            CREATE TABLE comune (
              istat_code TEXT PRIMARY KEY NOT NULL CHECK (length(istat_code) = 6),
              name TEXT NOT NULL,
              population INTEGER NOT NULL CHECK (population >= 0),
              lat REAL NOT NULL,
              lon REAL NOT NULL,
              in_zone INTEGER NOT NULL CHECK (in_zone IN (0, 1)),
              neighbours TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE place (
              code TEXT PRIMARY KEY NOT NULL,
              name TEXT NOT NULL,
              kind TEXT NOT NULL,
              comune TEXT NOT NULL REFERENCES comune(istat_code),
              lat REAL NOT NULL,
              lon REAL NOT NULL,
              address TEXT NOT NULL
            );
            CREATE TABLE association (
              code TEXT PRIMARY KEY NOT NULL,
              name TEXT NOT NULL,
              kind TEXT NOT NULL,
              base_comune TEXT NOT NULL REFERENCES comune(istat_code),
              base_lat REAL NOT NULL,
              base_lon REAL NOT NULL,
              base_address TEXT NOT NULL,
              daily_capacity INTEGER NOT NULL CHECK (daily_capacity > 0),
              share_bp INTEGER NOT NULL CHECK (share_bp BETWEEN 0 AND 10000)
            );
            CREATE TABLE association_comune (
              association TEXT NOT NULL REFERENCES association(code) ON DELETE CASCADE,
              comune TEXT NOT NULL REFERENCES comune(istat_code),
              PRIMARY KEY (association, comune)
            ) WITHOUT ROWID;
            CREATE TABLE vehicle (
              plate TEXT PRIMARY KEY NOT NULL,
              association TEXT NOT NULL REFERENCES association(code),
              seats INTEGER NOT NULL CHECK (seats >= 0),
              wheelchair_places INTEGER NOT NULL CHECK (wheelchair_places >= 0),
              stretcher INTEGER NOT NULL CHECK (stretcher IN (0, 1)),
              active INTEGER NOT NULL CHECK (active IN (0, 1))
            );
            CREATE INDEX vehicle_association ON vehicle(association);
            CREATE TABLE convention_version (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              loaded_at TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              source TEXT NOT NULL
            );
            """)
    }

    /// Beneficiaries (personal data in its own table), trips, assignments, trip logs.
    static func service(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE beneficiary (
              code TEXT PRIMARY KEY NOT NULL,
              comune TEXT NOT NULL REFERENCES comune(istat_code),
              needs INTEGER NOT NULL DEFAULT 0,
              activated_on TEXT NOT NULL,
              closed_on TEXT,
              referred_by TEXT NOT NULL,
              CHECK (closed_on IS NULL OR closed_on >= activated_on)
            );
            CREATE TABLE beneficiary_personal (
              code TEXT PRIMARY KEY NOT NULL REFERENCES beneficiary(code) ON DELETE CASCADE,
              name TEXT NOT NULL,
              phone TEXT NOT NULL,
              address TEXT NOT NULL,
              home_lat REAL NOT NULL,
              home_lon REAL NOT NULL
            );
            CREATE TABLE trip (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              beneficiary TEXT NOT NULL REFERENCES beneficiary(code),
              date TEXT NOT NULL,
              pickup_place TEXT REFERENCES place(code),
              pickup_label TEXT NOT NULL,
              pickup_comune TEXT NOT NULL REFERENCES comune(istat_code),
              pickup_lat REAL NOT NULL,
              pickup_lon REAL NOT NULL,
              dest_place TEXT REFERENCES place(code),
              dest_label TEXT NOT NULL,
              dest_comune TEXT NOT NULL REFERENCES comune(istat_code),
              dest_lat REAL NOT NULL,
              dest_lon REAL NOT NULL,
              appointment INTEGER NOT NULL CHECK (appointment BETWEEN 0 AND 1439),
              leg TEXT NOT NULL CHECK (leg IN ('outbound', 'return')),
              paired_trip INTEGER REFERENCES trip(id),
              series TEXT,
              needs INTEGER NOT NULL DEFAULT 0,
              purpose TEXT NOT NULL,
              status TEXT NOT NULL
                CHECK (status IN ('pending', 'assigned', 'done', 'no_show', 'cancelled', 'unassignable')),
              status_reason TEXT,
              estimated_m INTEGER NOT NULL CHECK (estimated_m >= 0),
              version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX trip_date ON trip(date, appointment);
            CREATE INDEX trip_beneficiary ON trip(beneficiary, date);
            CREATE INDEX trip_series ON trip(series);
            CREATE TABLE assignment (
              trip INTEGER PRIMARY KEY NOT NULL REFERENCES trip(id),
              association TEXT NOT NULL REFERENCES association(code),
              vehicle TEXT REFERENCES vehicle(plate),
              method TEXT NOT NULL CHECK (method IN ('engine', 'manual', 'forced')),
              note TEXT,
              assigned_at TEXT NOT NULL,
              assigned_by TEXT NOT NULL
            );
            CREATE INDEX assignment_association ON assignment(association);
            CREATE TABLE trip_log (
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
              outcome TEXT NOT NULL CHECK (outcome IN ('done', 'no_show', 'cancelled_on_spot')),
              notes TEXT NOT NULL DEFAULT '',
              submitted_at TEXT NOT NULL,
              submitted_by TEXT NOT NULL,
              source TEXT
            );
            CREATE INDEX trip_log_association ON trip_log(association);
            """)
    }

    /// The append-only audit trail: who, when, what changed, why.
    static func audit(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              action TEXT NOT NULL,
              entity TEXT NOT NULL,
              entity_id TEXT NOT NULL,
              details TEXT NOT NULL DEFAULT '{}',
              reason TEXT
            );
            CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
              BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: add a new entry instead'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
              BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries are never deleted'); END;
            """)
    }

    /// Trip-log submissions (accepted and rejected files) and the km reconciliation of each log.
    static func logSubmissions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE log_submission (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              association TEXT NOT NULL REFERENCES association(code),
              file TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              submitted_at TEXT NOT NULL,
              submitted_by TEXT NOT NULL,
              rows INTEGER NOT NULL,
              new_logs INTEGER NOT NULL,
              already_recorded INTEGER NOT NULL,
              accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
              problems TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX log_submission_association ON log_submission(association, submitted_at);
            ALTER TABLE trip_log ADD COLUMN submission INTEGER REFERENCES log_submission(id);
            ALTER TABLE trip_log ADD COLUMN estimated_m INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE trip_log ADD COLUMN km_flag TEXT;
            CREATE INDEX trip_log_flagged ON trip_log(km_flag) WHERE km_flag IS NOT NULL;
            """)
    }

    /// Closed months with their frozen statements, and adjustments for late logs and amendments.
    static func closedMonths(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE closed_month (
              month TEXT PRIMARY KEY NOT NULL,
              closed_at TEXT NOT NULL,
              closed_by TEXT NOT NULL,
              total_cents INTEGER NOT NULL,
              sha256 TEXT NOT NULL
            );
            CREATE TABLE statement_snapshot (
              month TEXT NOT NULL REFERENCES closed_month(month),
              association TEXT NOT NULL REFERENCES association(code),
              total_cents INTEGER NOT NULL,
              json TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              PRIMARY KEY (month, association)
            ) WITHOUT ROWID;
            CREATE TRIGGER closed_month_frozen BEFORE UPDATE ON closed_month
              BEGIN SELECT RAISE(ABORT, 'a closed month is frozen'); END;
            CREATE TRIGGER closed_month_kept BEFORE DELETE ON closed_month
              BEGIN SELECT RAISE(ABORT, 'a closed month is frozen'); END;
            CREATE TRIGGER statement_snapshot_frozen BEFORE UPDATE ON statement_snapshot
              BEGIN SELECT RAISE(ABORT, 'a closed statement is frozen'); END;
            CREATE TRIGGER statement_snapshot_kept BEFORE DELETE ON statement_snapshot
              BEGIN SELECT RAISE(ABORT, 'a closed statement is frozen'); END;
            CREATE TABLE adjustment (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              trip INTEGER NOT NULL REFERENCES trip(id),
              association TEXT NOT NULL REFERENCES association(code),
              original_month TEXT NOT NULL,
              applied_month TEXT NOT NULL,
              amount_cents INTEGER NOT NULL,
              reason TEXT NOT NULL,
              created_at TEXT NOT NULL,
              created_by TEXT NOT NULL
            );
            CREATE INDEX adjustment_applied ON adjustment(applied_month, association);
            """)
    }

    /// Accepted shared-ride plans: one per association and day, with each vehicle's stops and
    /// each shared trip's share of its route's km.
    static func plans(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE plan (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              date TEXT NOT NULL,
              association TEXT NOT NULL REFERENCES association(code),
              seed INTEGER NOT NULL,
              planned_m INTEGER NOT NULL CHECK (planned_m >= 0),
              baseline_m INTEGER NOT NULL CHECK (baseline_m >= 0),
              saving_cents INTEGER NOT NULL,
              json TEXT NOT NULL,
              accepted_at TEXT NOT NULL,
              accepted_by TEXT NOT NULL,
              UNIQUE (date, association)
            );
            CREATE TABLE plan_stop (
              plan INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
              vehicle TEXT NOT NULL REFERENCES vehicle(plate),
              position INTEGER NOT NULL CHECK (position >= 1),
              trip INTEGER NOT NULL REFERENCES trip(id),
              kind TEXT NOT NULL CHECK (kind IN ('pickup', 'dropoff')),
              planned_minute INTEGER NOT NULL CHECK (planned_minute BETWEEN 0 AND 1439),
              PRIMARY KEY (plan, vehicle, position)
            ) WITHOUT ROWID;
            CREATE INDEX plan_stop_trip ON plan_stop(trip);
            CREATE TABLE plan_trip (
              plan INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
              trip INTEGER NOT NULL REFERENCES trip(id),
              vehicle TEXT NOT NULL REFERENCES vehicle(plate),
              share_m INTEGER NOT NULL CHECK (share_m >= 0),
              PRIMARY KEY (plan, trip)
            ) WITHOUT ROWID;
            CREATE INDEX plan_trip_trip ON plan_trip(trip);
            """)
    }
}
