/// An association's day sheet (*foglio di servizio*): per vehicle, the stops a volunteer
/// carries, in order, and the trips not yet confirmed on a vehicle.
public struct DaySheet: Hashable, Sendable {
    /// One stop of a route.
    public struct Stop: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case pickup, dropoff }
        /// The planned (or estimated) time.
        public var time: LocalTime
        public var kind: Kind
        public var trip: Int64
        /// The beneficiary's code.
        public var beneficiary: String
        /// Where: the place or the address.
        public var address: String
        public var needs: Needs
        /// Notes for the driver (from the beneficiary's record).
        public var notes: String
        /// The contact phone (the beneficiary's, else the caregiver's).
        public var phone: String

        public init(time: LocalTime, kind: Kind, trip: Int64, beneficiary: String, address: String, needs: Needs, notes: String, phone: String) {
            self.time = time
            self.kind = kind
            self.trip = trip
            self.beneficiary = beneficiary
            self.address = address
            self.needs = needs
            self.notes = notes
            self.phone = phone
        }
    }

    /// One vehicle's route.
    public struct Route: Hashable, Sendable {
        public var plate: String
        /// The drivers confirmed on its trips (codes).
        public var drivers: [String]
        public var stops: [Stop]

        public init(plate: String, drivers: [String], stops: [Stop]) {
            self.plate = plate
            self.drivers = drivers
            self.stops = stops
        }
    }

    public var association: String
    public var associationName: String
    public var date: LocalDate
    /// Whether the routes follow an accepted shared-ride plan.
    public var fromPlan: Bool
    public var routes: [Route]
    /// Stops of the trips assigned to the association but not yet confirmed on a vehicle.
    public var unconfirmed: [Stop]

    public init(association: String, associationName: String, date: LocalDate, fromPlan: Bool, routes: [Route], unconfirmed: [Stop]) {
        self.association = association
        self.associationName = associationName
        self.date = date
        self.fromPlan = fromPlan
        self.routes = routes
        self.unconfirmed = unconfirmed
    }
}
