import ArgumentParser
import CentraleAPI
import CentraleDomain
import CentraleOffice
import CentraleRendering
import CentraleStore
import Foundation

/// `centrale vehicle`: vehicles off the road and their documents.
struct VehicleCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "vehicle",
        abstract: localized(it: "Registra il fermo di un mezzo per un periodo, o la scadenza dei suoi documenti.",
                            en: "Take a vehicle off the road for a period, or record its documents' expiry."),
        subcommands: [VehicleOffCommand.self, VehicleDocumentCommand.self]) }
}

/// `centrale vehicle off PLATE --from --to --reason`.
struct VehicleOffCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "off",
        abstract: localized(it: "Registra il fermo di un mezzo per un periodo (riparazioni, revisione).",
                            en: "Take a vehicle off the road for a period (repairs, inspection)."),
        discussion: localized(it: """
            Nel periodo nessun servizio può essere confermato su quel mezzo. I servizi già confermati su di esso perdono \
            la conferma, e quelli che un piano accettato gli affida vengono segnalati: sono elencati tutti, perché \
            l'associazione li confermi di nuovo.
            """, en: """
            No trip can be confirmed on it in the period. Trips already confirmed on it lose their confirmation, and \
            trips an accepted plan puts on it are flagged: both are listed, for the association to confirm again.
            """)) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "La targa del mezzo.", en: "The vehicle's plate."), valueName: localized(it: "targa", en: "plate"))) var plate: String
    @Option(help: ArgumentHelp(localized(it: "Il primo giorno di fermo.", en: "The first day off the road."), valueName: localized(it: "data", en: "from"))) var from: LocalDate
    @Option(help: ArgumentHelp(localized(it: "L'ultimo giorno di fermo.", en: "The last day off the road."), valueName: localized(it: "data", en: "to"))) var to: LocalDate
    @Option(help: ArgumentHelp(localized(it: "Il motivo.", en: "Why."), valueName: localized(it: "causale", en: "reason"))) var reason: String

    func validate() throws {
        guard to >= from else { throw ValidationError(localized(it: "--to (\(to)) è prima di --from (\(from)); indica l'ultimo giorno di fermo del mezzo",
                                                                en: "--to (\(to)) is before --from (\(from)); give the last day off the road")) }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError(localized(it: "--reason non può essere vuoto: scrivi il motivo",
                                                                                                          en: "--reason must say why")) }
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
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "document",
        abstract: localized(it: "Registra la scadenza di un documento del mezzo (revisione o assicurazione).",
                            en: "Record a vehicle document's expiry (inspection or insurance).")) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "La targa del mezzo.", en: "The vehicle's plate."), valueName: localized(it: "targa", en: "plate"))) var plate: String
    @Option(help: ArgumentHelp(localized(it: "Il documento, per nome o con il codice inglese (inspection, insurance).", en: "inspection or insurance (or revisione, assicurazione)."),
                               valueName: localized(it: "documento", en: "kind"))) var kind: VehicleDocumentKind
    @Option(name: .customLong("valid-until"), help: ArgumentHelp(localized(it: "L'ultimo giorno di validità.", en: "The last valid day."), valueName: localized(it: "data", en: "valid-until"))) var validUntil: LocalDate
    @Option(help: ArgumentHelp(localized(it: "Il numero del documento (facoltativo).", en: "The document's number (optional)."), valueName: localized(it: "numero", en: "reference"))) var reference: String = ""

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName())
        try context.store.setVehicleDocument(plate.uppercased(), kind: kind, reference: reference, validUntil: validUntil, actor: actor)
        try context.say(.vehicleDocument(plate: plate.uppercased(), kind: kind, validUntil: validUntil))
    }
}

/// `centrale expiries --within 30`.
struct ExpiriesCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "expiries",
        abstract: localized(it: "Elenca patenti, assicurazioni dei volontari e documenti dei mezzi in scadenza (o scaduti).",
                            en: "List licences, volunteers' insurance and vehicle documents about to expire (or expired).")) }
    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: ArgumentHelp(localized(it: "Quanti giorni guardare avanti da oggi.", en: "Days ahead of today."), valueName: localized(it: "giorni", en: "within"))) var within: Int = 30
    @Option(help: ArgumentHelp(localized(it: "Solo questa associazione.", en: "Only this association."), valueName: localized(it: "associazione", en: "association"))) var association: String?

    func validate() throws {
        guard (0...3650).contains(within) else { throw ValidationError(localized(it: "--within deve essere tra 0 e 3650 giorni", en: "--within must be between 0 and 3650 days")) }
    }

    func run(_ context: AppContext) throws {
        let store = try context.store
        let today = store.today()
        let until = today.adding(days: within)
        // An unknown --association is refused naming the registry's, not answered with "nothing expires".
        let expiries = try store.expiries(until: until, association: association?.uppercased())
        guard !expiries.isEmpty else {
            try context.say(.nothingExpires(by: until))
            return
        }
        var table = TextTable(TableHeaders.expiries.words(try context.language), rightAligned: [1])
        for e in expiries {
            let days = e.validUntil.daysSinceEpoch - today.daysSinceEpoch
            let it = try context.language == .it
            let what = it ? (["licence": "patente", "insurance": "assicurazione", "insurance (art. 18 CTS)": "assicurazione (art. 18 CTS)",
                              "inspection": "revisione", "vehicle inspection": "revisione del mezzo", "vehicle insurance": "assicurazione del mezzo"][e.what] ?? e.what)
                : e.what
            table.add([it ? e.validUntil.italianText : e.validUntil.description, days < 0 ? (it ? "scaduto" : "expired") : String(days), e.association, e.subject, what])
        }
        context.print(table.rendered)
    }
}

/// `centrale confirm TRIP --vehicle V --driver D`.
struct ConfirmCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "confirm",
        abstract: localized(it: "Conferma un servizio assegnato con un mezzo e un autista della sua associazione.",
                            en: "Confirm an assigned trip with a vehicle and a driver of its association."),
        discussion: localized(it: """
            La conferma viene rifiutata, con tutti i motivi, quando l'autista non è registrato presso l'associazione, \
            non ha patente o assicurazione (art. 18 CTS) valide il giorno del servizio, ha meno di 21 anni, non è \
            abilitato per i bisogni del servizio, è assente o fuori turno, o guida un altro servizio confermato alla \
            stessa ora; o quando il mezzo è fermo, non è adatto, ha un documento scaduto, o è confermato su un altro \
            servizio alla stessa ora.
            """, en: """
            Refused, with every reason, when the driver is not registered with the association, has no valid licence \
            or insurance (art. 18 CTS) on the trip's day, is under 21, is not qualified for the trip's needs, is absent \
            or off shift, or drives another confirmed trip at the same time; or when the vehicle is off the road, \
            unsuited, has an expired document, or is confirmed on another trip at the same time.
            """)) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Argument(help: ArgumentHelp(localized(it: "Il numero del servizio.", en: "The trip id."), valueName: localized(it: "servizio", en: "trip"))) var trip: Int64
    @Option(help: ArgumentHelp(localized(it: "La targa del mezzo.", en: "The vehicle's plate."), valueName: localized(it: "targa", en: "vehicle"))) var vehicle: String
    @Option(help: ArgumentHelp(localized(it: "Il codice volontario dell'autista.", en: "The driver's volunteer code."), valueName: localized(it: "autista", en: "driver"))) var driver: String

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
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "decline",
        abstract: localized(it: "Rifiuta un servizio assegnato: torna nella coda della centrale, segnato come rifiutato.",
                            en: "Decline an assigned trip: it goes back to the dispatcher's queue, marked declined."),
        discussion: localized(it: "Lo smistamento non proporrà più il servizio all'associazione che lo ha rifiutato.",
                              en: "Dispatch will not offer the trip to the declining association again.")) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @OptionGroup var remote: RemoteOptions
    @Argument(help: ArgumentHelp(localized(it: "Il numero del servizio.", en: "The trip id."), valueName: localized(it: "servizio", en: "trip"))) var trip: Int64
    @Option(help: ArgumentHelp(localized(it: "Il motivo per cui l'associazione non può prenderlo.", en: "Why the association cannot take it."), valueName: localized(it: "causale", en: "reason"))) var reason: String
    @Option(help: ArgumentHelp(localized(it: "L'associazione che rifiuta (verificata rispetto all'assegnazione del servizio).", en: "The declining association (checked against the trip's assignment)."), valueName: localized(it: "associazione", en: "association"))) var association: String?

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
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "sheet",
        abstract: localized(it: "Stampa il foglio di servizio di un'associazione: per ogni mezzo, le fermate in ordine, con orari, indirizzi, bisogni, telefono e note.",
                            en: "Print an association's day sheet: per vehicle, the stops in order, with times, addresses, needs, phone and notes."),
        discussion: localized(it: """
            I giri del piano di giri condivisi accettato, se c'è; altrimenti ogni servizio confermato sul suo mezzo. \
            I servizi non ancora confermati sono elencati a parte. L'HTML è fatto per la stampa (una pagina per mezzo).
            """, en: """
            The routes of the accepted shared-ride plan when there is one; else each confirmed trip on its vehicle. \
            Trips not yet confirmed are listed apart. The HTML is made for print (one page per vehicle).
            """)) }
    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String
    @Option(help: ArgumentHelp(localized(it: "Il giorno.", en: "The day."), valueName: localized(it: "data", en: "date"))) var date: LocalDate
    @Option(help: ArgumentHelp(localized(it: "Solo questo mezzo.", en: "Only this vehicle."), valueName: localized(it: "targa", en: "vehicle"))) var vehicle: String?
    @Option(help: ArgumentHelp(localized(it: "md o html.", en: "md or html."), valueName: localized(it: "formato", en: "format"))) var format: DaySheetRenderer.Format = .md
    @Option(help: ArgumentHelp(localized(it: "Scrive in questo file invece che sullo standard output (un file nuovo, salvo --force).", en: "Write to this file instead of standard output (a new file, unless --force)."), valueName: localized(it: "file", en: "out"))) var out: String?
    @Flag(help: ArgumentHelp(localized(it: "Sostituisce il file di --out se esiste già (mai una base dati).", en: "Replace the --out file if it exists (never a database)."))) var force = false

    func run(_ context: AppContext) throws {
        if let out { try OutputFile.check(out, force: force) }
        // An unknown association, or a plate not in its fleet, is refused naming the known ones.
        let code = association.uppercased()
        let sheet = try context.store.daySheet(association: code, on: date, vehicle: vehicle?.uppercased(),
                                               averageSpeedKmh: try context.registry.convention.planning.averageSpeedKmh)
        let text = DaySheetRenderer.render(sheet, format: format, language: try context.language)
        if let out {
            try OutputFile.write(text, to: out, force: force)
            try context.say(.sheetWritten(association: code, date: date, to: out))
        } else {
            context.print(text, terminator: format == .md ? "\n" : "")
        }
    }
}
