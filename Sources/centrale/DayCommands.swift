import ArgumentParser
import CentraleAPI
import CentraleDomain
import CentraleOffice
import CentraleRendering
import CentraleStore
import Foundation

extension VehicleDocumentKind: ExpressibleByArgument {}

/// `centrale vehicle`: vehicles off the road and their documents.
struct VehicleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vehicle", abstract: "Take a vehicle off the road for a period, or record its documents' expiry.",
        subcommands: [VehicleOffCommand.self, VehicleDocumentCommand.self])
}

/// `centrale vehicle off PLATE --from --to --reason`.
struct VehicleOffCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "off", abstract: "Take a vehicle off the road for a period (repairs, inspection).",
        discussion: """
            No trip can be confirmed on it in the period. Trips already confirmed on it lose their confirmation, and \
            trips an accepted plan puts on it are flagged: both are listed, for the association to confirm again.
            """)
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The vehicle's plate.") var plate: String
    @Option(help: "The first day off the road.") var from: LocalDate
    @Option(help: "The last day off the road.") var to: LocalDate
    @Option(help: "Why.") var reason: String

    func validate() throws {
        guard to >= from else { throw ValidationError("--to (\(to)) is before --from (\(from)); give the last day off the road") }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must say why") }
    }

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: reason)
        let affected = try context.store.vehicleOff(plate.uppercased(), from: from, to: to, reason: reason, actor: actor)
        try context.say(.vehicleOff(plate: plate.uppercased(), from: from, to: to))
        try printAffected(affected, context)
    }
}

/// `centrale vehicle document PLATE --kind inspection|insurance --valid-until D [--reference R]`.
struct VehicleDocumentCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "document", abstract: "Record a vehicle document's expiry (inspection or insurance).")
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The vehicle's plate.") var plate: String
    @Option(help: "inspection or insurance.") var kind: VehicleDocumentKind
    @Option(name: .customLong("valid-until"), help: "The last valid day.") var validUntil: LocalDate
    @Option(help: "The document's number (optional).") var reference: String = ""

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName())
        try context.store.setVehicleDocument(plate.uppercased(), kind: kind, reference: reference, validUntil: validUntil, actor: actor)
        try context.say(.vehicleDocument(plate: plate.uppercased(), kind: kind, validUntil: validUntil))
    }
}

/// `centrale expiries --within 30`.
struct ExpiriesCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "expiries", abstract: "List licences, volunteers' insurance and vehicle documents about to expire (or expired).")
    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: "Days ahead of today.") var within: Int = 30
    @Option(help: "Only this association.") var association: String?

    func validate() throws {
        guard (0...3650).contains(within) else { throw ValidationError("--within must be between 0 and 3650 days") }
    }

    func run(_ context: AppContext) throws {
        let store = try context.store
        let today = store.today()
        let until = today.adding(days: within)
        let expiries = try store.expiries(until: until, association: association)
        guard !expiries.isEmpty else {
            try context.say(.nothingExpires(by: until))
            return
        }
        var table = TextTable(TableHeaders.expiries.words(try context.language), rightAligned: [1])
        for e in expiries {
            let days = e.validUntil.daysSinceEpoch - today.daysSinceEpoch
            let it = try context.language == .it
            let what = it ? (["licence": "patente", "insurance": "assicurazione", "inspection": "revisione", "vehicle insurance": "assicurazione del mezzo"][e.what] ?? e.what) : e.what
            table.add([it ? e.validUntil.italianText : e.validUntil.description, days < 0 ? (it ? "scaduto" : "expired") : String(days), e.association, e.subject, what])
        }
        context.print(table.rendered)
    }
}

/// `centrale confirm TRIP --vehicle V --driver D`.
struct ConfirmCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: "Confirm an assigned trip with a vehicle and a driver of its association.",
        discussion: """
            Refused, with every reason, when the driver is not registered with the association, has no valid licence \
            or insurance (art. 18 CTS) on the trip's day, is under 21, is not qualified for the trip's needs, is absent \
            or off shift, or drives another confirmed trip at the same time; or when the vehicle is off the road, \
            unsuited, has an expired document, or is confirmed on another trip at the same time.
            """)
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Argument(help: "The trip id.") var trip: Int64
    @Option(help: "The vehicle's plate.") var vehicle: String
    @Option(help: "The driver's volunteer code.") var driver: String

    func run(_ context: AppContext) throws {
        if let client = try context.remote(remote) {
            let reply = try client.post("/api/v1/trips/\(trip)/confirmation", json: ConfirmationRequest(vehicle: vehicle, driver: driver))
            context.print(try reply.decode(ActionReply.self).message)
            return
        }
        let reply = try context.office.confirm(trip: trip, vehicle: vehicle, driver: driver, actor: Actor(try context.operatorName()))
        context.print(reply.message)
    }
}

/// `centrale decline TRIP --reason …`.
struct DeclineCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline", abstract: "Decline an assigned trip: it goes back to the dispatcher's queue, marked declined.",
        discussion: "Dispatch will not offer the trip to the declining association again.")
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Argument(help: "The trip id.") var trip: Int64
    @Option(help: "Why the association cannot take it.") var reason: String
    @Option(help: "The declining association (checked against the trip's assignment).") var association: String?

    func run(_ context: AppContext) throws {
        if let client = try context.remote(remote) {
            let reply = try client.post("/api/v1/trips/\(trip)/decline", json: DeclineRequest(reason: reason))
            context.print(try reply.decode(ActionReply.self).message)
            return
        }
        let reply = try context.office.decline(trip: trip, association: association?.uppercased(), reason: reason,
                                                             actor: Actor(try context.operatorName(), reason: reason))
        context.print(reply.message)
    }
}

extension DaySheetRenderer.Format: ExpressibleByArgument {}

/// `centrale sheet --association A --date D [--vehicle V] [--format md|html]`.
struct SheetCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet", abstract: "Print an association's day sheet: per vehicle, the stops in order, with times, addresses, needs, phone and notes.",
        discussion: """
            The routes of the accepted shared-ride plan when there is one; else each confirmed trip on its vehicle. \
            Trips not yet confirmed are listed apart. The HTML is made for print (one page per vehicle).
            """)
    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: "The association's code.") var association: String
    @Option(help: "The day.") var date: LocalDate
    @Option(help: "Only this vehicle.") var vehicle: String?
    @Option(help: "md or html.") var format: DaySheetRenderer.Format = .md
    @Option(help: "Write to this file instead of standard output (a new file, unless --force).") var out: String?
    @Flag(help: "Replace the --out file if it exists (never a database).") var force = false

    func run(_ context: AppContext) throws {
        if let out { try OutputFile.check(out, force: force) }
        let sheet = try context.store.daySheet(association: association, on: date, vehicle: vehicle?.uppercased(),
                                               averageSpeedKmh: try context.registry.convention.planning.averageSpeedKmh)
        let text = DaySheetRenderer.render(sheet, format: format, language: try context.language)
        if let out {
            try OutputFile.write(text, to: out, force: force)
            try context.say(.sheetWritten(association: association, date: date, to: out))
        } else {
            context.print(text, terminator: format == .md ? "\n" : "")
        }
    }
}
