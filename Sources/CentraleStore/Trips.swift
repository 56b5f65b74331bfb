import CentraleDomain
import CentraleFormats
import GRDB

extension Store {
    /// Adds requests, each given as its legs (outbound, then the return if any), in one
    /// transaction; the legs of a request are linked to each other. Returns the new trip ids
    /// in the same shape. Each trip gets its estimated road distance and an audit entry.
    ///
    /// A trip dated in a closed month is refused unless `late` gives the reason it is added
    /// late (audited): the closed month stays as it was, and the trip's log is paid as an
    /// adjustment in the month in which it is submitted.
    @discardableResult
    public func addRequests(_ requests: [[TripRequest]], estimator: RoadDistanceEstimator, late: String? = nil,
                            actor: Actor) throws -> [[Int64]] {
        let at = timestamp()
        return try pool.write { db in
            // A late trip's reason goes into the audit trail for good: it must not name the person.
            if late != nil {
                for code in Set(requests.joined().map(\.beneficiary)) { try Self.refuseNamingPerson(db, code: code, [(.reason, actor.reason)]) }
            }
            var closed: [YearMonth: Bool] = [:]
            for trip in requests.joined() where late == nil {
                let month = trip.date.yearMonth
                if closed[month] == nil { closed[month] = try Self.isClosed(db, month) }
                if closed[month]! {
                    throw StoreError.refused(.trip(.inClosedMonth(trip.date)), remedy: .addLate)
                }
            }
            var ids: [[Int64]] = []
            ids.reserveCapacity(requests.count)
            // A series gets the id of its first trip in its name, so that two series never share
            // one (a request entered twice, or two series of a day at 01:15 and 11:05).
            var seriesNames: [String: String] = [:]
            for legs in requests {
                var legIDs: [Int64] = []
                for trip in legs {
                    let estimate = estimator.roadDistance(trip.pickup.location, trip.destination.location)
                    var series: String?
                    if let given = trip.seriesID {
                        if seriesNames[given] == nil {
                            let next = (try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'trip'") ?? 0) + 1
                            seriesNames[given] = "\(given)-\(next)"
                        }
                        series = seriesNames[given]
                    }
                    try db.cachedStatement(sql: """
                        INSERT INTO trip(beneficiary, date, pickup_place, pickup_label, pickup_comune, pickup_lat, pickup_lon,
                          dest_place, dest_label, dest_comune, dest_lat, dest_lon, appointment, leg, paired_trip, series,
                          needs, purpose, status, status_reason, estimated_m, approximate)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [
                            trip.beneficiary, trip.date.description, trip.pickup.placeCode, trip.pickup.label, trip.pickup.comune,
                            trip.pickup.location.latitude, trip.pickup.location.longitude, trip.destination.placeCode,
                            trip.destination.label, trip.destination.comune, trip.destination.location.latitude,
                            trip.destination.location.longitude, trip.appointment.minutes, trip.leg.rawValue, legIDs.last,
                            series, trip.needs.rawValue, trip.purpose.rawValue, trip.status.rawValue, trip.statusReason,
                            estimate.metres, (trip.pickup.approximate ? 1 : 0) | (trip.destination.approximate ? 2 : 0),
                        ])
                    let id = db.lastInsertedRowID
                    if let previous = legIDs.last {
                        try db.cachedStatement(sql: "UPDATE trip SET paired_trip = ? WHERE id = ?").execute(arguments: [id, previous])
                    }
                    legIDs.append(id)
                    try audit(db, actor, action: "trip.create", entity: "trip", id: String(id), details: [
                        "beneficiary": .text(trip.beneficiary), "date": .text(trip.date.description),
                        "time": .text(trip.appointment.description), "leg": .text(trip.leg.rawValue),
                        "from": .text(trip.pickup.placeCode ?? trip.pickup.comune), "to": .text(trip.destination.placeCode ?? trip.destination.comune),
                        "purpose": .text(trip.purpose.rawValue), "estimated_m": .int(estimate.metres),
                    ].merging(late.map { ["late": .text($0)] } ?? [:]) { a, _ in a }, at: at)
                }
                ids.append(legIDs)
            }
            return ids
        }
    }

    /// The trips of a day, by appointment time then id.
    public func trips(on date: LocalDate) throws -> [TripRequest] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(TripRequest.columns) FROM trip WHERE date = ? ORDER BY appointment, id", arguments: [date.description])
                .decoded { try TripRequest(row: $0, layout: $1) }
        }
    }

    /// One trip by id.
    public func trip(_ id: Int64) throws -> TripRequest? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT \(TripRequest.columns) FROM trip WHERE id = ?", arguments: [id]).map { try TripRequest(row: $0) } }
    }
}

extension TripRequest {
    /// The trip columns `init(row:)` reads.
    static let columns = """
        trip.id, trip.beneficiary, trip.date, trip.pickup_place, trip.pickup_label, trip.pickup_comune, trip.pickup_lat,
        trip.pickup_lon, trip.dest_place, trip.dest_label, trip.dest_comune, trip.dest_lat, trip.dest_lon, trip.appointment,
        trip.leg, trip.paired_trip, trip.series, trip.needs, trip.purpose, trip.status, trip.status_reason, trip.estimated_m,
        trip.version, trip.approximate
        """

    /// Decodes a row that holds `TripRequest.columns`, by column name (with the query's
    /// `layout` when several rows are read); a stored value that is not valid (an unknown status,
    /// a malformed date) throws.
    init(row: Row, layout: ColumnLayout? = nil) throws {
        let layout = layout ?? ColumnLayout(row)
        func value<T: DatabaseValueConvertible>(_ name: String) throws -> T { try layout.decode(row, name) }
        func stop(_ prefix: String) throws -> Stop {
            Stop(placeCode: try value(prefix + "_place"), label: try value(prefix + "_label"), comune: try value(prefix + "_comune"),
                 location: Coordinate(latitude: try value(prefix + "_lat"), longitude: try value(prefix + "_lon")))
        }
        self.init(
            id: try value("id"), beneficiary: try value("beneficiary"), date: try value("date"), pickup: try stop("pickup"),
            destination: try stop("dest"), appointment: try value("appointment"), leg: try value("leg"), pairedTripID: try value("paired_trip"),
            seriesID: try value("series"), needs: try value("needs"), purpose: try value("purpose"), status: try value("status"),
            statusReason: try value("status_reason"))
        let approximate: Int = try value("approximate")
        pickup.approximate = approximate & 1 != 0
        destination.approximate = approximate & 2 != 0
    }
}
