import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleIntake
import CentraleRendering
import CentraleStore
import Foundation

/// `centrale volunteer`: an association's volunteers under pseudonymous codes.
struct VolunteerCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "volunteer",
        abstract: localized(it: "Registra i volontari di un'associazione: patente, assicurazione, qualifiche, turni e assenze.",
                            en: "Register an association's volunteers: licence, insurance, qualifications, shifts and absences."),
        discussion: localized(it: """
            La centrale conosce i volontari solo per codice (es. V001); i nomi li conserva l'associazione. \
            Un autista deve avere la patente (B o superiore) e l'assicurazione ai sensi dell'art. 18 del Codice del Terzo \
            Settore valide nel giorno del servizio, almeno 21 anni, le qualifiche per i bisogni del servizio, ed essere in turno.
            """, en: """
            Volunteers are known to the centre only by a code (e.g. V001); the association keeps their names. \
            A driver needs a licence (B or higher) and insurance under art. 18 of the Codice del Terzo Settore \
            valid on the trip's day, must be at least 21, qualified for the trip's needs and on shift.
            """),
        subcommands: [VolunteerAddCommand.self, VolunteerImportCommand.self, VolunteerListCommand.self,
                      VolunteerUpdateCommand.self, VolunteerAbsentCommand.self]
    ) }
}

/// Reads one field of a volunteer given on the command line, naming the option when it is wrong.
func volunteerField<T>(_ option: String, _ text: String, _ parse: (String) throws -> T) throws -> T {
    do { return try parse(text) } catch let problem as VolunteerFieldProblem {
        throw StoreError.refused(.crew(.field(option: option, italian: problem.message.italian, english: problem.message.english)))
    }
}

/// The fields of a volunteer as options (`add` needs some; `update` takes any).
struct VolunteerOptions: ParsableArguments {
    @Option(help: ArgumentHelp(localized(it: "Categoria della patente: B, BE, C1, … (vuota: non guida).", en: "Driving licence category: B, BE, C1, … (empty: does not drive)."), valueName: localized(it: "categoria", en: "licence"))) var licence: String?
    @Option(name: .customLong("licence-expiry"), help: ArgumentHelp(localized(it: "La scadenza della patente, AAAA-MM-GG o gg/mm/aaaa.", en: "The licence's expiry, YYYY-MM-DD or dd/mm/yyyy."), valueName: localized(it: "data", en: "licence-expiry"))) var licenceExpiry: String?
    @Option(name: .customLong("birth-year"), parsing: .unconditional, help: ArgumentHelp(localized(it: "Anno di nascita (un autista deve avere almeno 21 anni).", en: "Year of birth (a driver must be at least 21)."), valueName: localized(it: "anno", en: "birth-year"))) var birthYear: String?
    @Option(help: ArgumentHelp(localized(it: "La polizza assicurativa ai sensi dell'art. 18 CTS.", en: "Insurance policy under art. 18 CTS."), valueName: localized(it: "polizza", en: "policy"))) var policy: String?
    @Option(name: .customLong("insured-until"), help: ArgumentHelp(localized(it: "L'ultimo giorno coperto dall'assicurazione.", en: "The last day the insurance covers."), valueName: localized(it: "data", en: "insured-until"))) var insuredUntil: String?
    @Option(help: ArgumentHelp(localized(it: "Qualifiche: wheelchair, stretcher, escort, unite da + (o carrozzina, barella, accompagnamento); - per nessuna.",
                                         en: "Qualifications: wheelchair, stretcher, escort, joined by + (or carrozzina, barella, accompagnamento); - for none."), valueName: localized(it: "qualifiche", en: "qualifications")))
    var qualifications: String?
    @Option(help: ArgumentHelp(localized(it: "Turni settimanali, es. 'mon-fri 07:00-13:00, sat 08:00-12:00' (anche lun … dom); - per nessuno.", en: "Weekly shifts, e.g. 'mon-fri 07:00-13:00, sat 08:00-12:00' (lun … dom too); - for none."), valueName: localized(it: "turni", en: "shifts"))) var shifts: String?

    /// Applies the options given to `volunteer`.
    func apply(to volunteer: inout Volunteer, today: LocalDate) throws {
        if let licence { volunteer.licenceCategory = try volunteerField("--licence", licence, VolunteerImport.licence) }
        if let licenceExpiry { volunteer.licenceExpiry = try volunteerField("--licence-expiry", licenceExpiry, VolunteerImport.optionalDate) }
        if let birthYear { volunteer.birthYear = try volunteerField("--birth-year", birthYear) { try VolunteerImport.birthYear($0, today: today) } }
        if let policy { volunteer.insurancePolicy = policy.trimmingCharacters(in: .whitespaces) }
        if let insuredUntil { volunteer.insuredUntil = try volunteerField("--insured-until", insuredUntil, VolunteerImport.optionalDate) }
        if let qualifications { volunteer.qualifications = try volunteerField("--qualifications", qualifications, VolunteerImport.qualifications) }
        if let shifts { volunteer.shifts = try volunteerField("--shifts", shifts, VolunteerImport.shifts) }
        if !volunteer.licenceCategory.isEmpty && volunteer.licenceExpiry == nil {
            throw StoreError.refused(.crew(.licenceNeedsExpiry))
        }
    }
}

/// `centrale volunteer add CODE --association A …`.
struct VolunteerAddCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "add",
        abstract: localized(it: "Registra un volontario di un'associazione con un codice.", en: "Register a volunteer of an association under a code.")
    ) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice pseudonimo del volontario, es. V001 (mai il nome).", en: "The volunteer's pseudonymous code, e.g. V001 (never the name)."),
                                 valueName: localized(it: "codice", en: "code"))) var code: String
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String
    @OptionGroup var fields: VolunteerOptions

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName())
        let store = try context.store
        guard fields.birthYear != nil else { throw StoreError.refused(.crew(.birthYearNeeded)) }
        // The argument by its name in the run's language (the help's `<codice>`, `<code>`).
        let argument = try context.language == .it ? "CODICE" : "CODE"
        var volunteer = Volunteer(association: association, code: try volunteerField(argument, code, VolunteerImport.code), licenceCategory: "",
                                  licenceExpiry: nil, birthYear: 0, insurancePolicy: "", insuredUntil: nil, qualifications: [],
                                  shifts: ShiftPattern([]))
        try fields.apply(to: &volunteer, today: store.today())
        try store.addVolunteers([volunteer], actor: actor)
        try context.say(.volunteerRegistered(volunteer.code, association: association))
    }
}

/// `centrale volunteer import FILE --association A`.
struct VolunteerImportCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "import",
        abstract: localized(it: "Importa i volontari di un'associazione da un CSV: tutto o niente, con tutti i problemi in una volta.",
                            en: "Import an association's volunteers from CSV: all or nothing, every problem at once."),
        discussion: localized(it: """
            Colonne: \(VolunteerImport.columns.joined(separator: ", ")) (anche con le intestazioni in italiano: codice, patente, \
            scadenza_patente, anno_nascita, polizza, scadenza_polizza, qualifiche, turni). Separatore ; o ,. \
            Un codice già registrato viene aggiornato se la sua riga è cambiata. Esempio:
            \(VolunteerImport.template)
            """, en: """
            Columns: \(VolunteerImport.columns.joined(separator: ", ")) (Italian headers too: codice, patente, \
            scadenza_patente, anno_nascita, polizza, scadenza_polizza, qualifiche, turni). Separator ; or ,. \
            A code already registered is updated when its line changed. Example:
            \(VolunteerImport.template)
            """)
    ) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il file CSV.", en: "The CSV file."))) var file: String
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: "volunteer import \((file as NSString).lastPathComponent)")
        let data = try InputFile.contents(file).get(orRefuse: file)
        let store = try context.store
        try store.requireAssociation(association)
        let volunteers = try VolunteerImport(association: association, today: store.today()).read(data, fileName: file)
        let (added, updated, affected) = try store.addVolunteers(volunteers, updatingExisting: true,
                                                                 averageSpeedKmh: try context.registry.convention.planning.averageSpeedKmh, actor: actor)
        try context.say(.volunteersImported(file: file, count: volunteers.count, association: association, added: added, updated: updated))
        try printAffected(affected, context)
    }
}

/// `centrale volunteer list --association A`.
struct VolunteerListCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "list",
        abstract: localized(it: "Elenca i volontari di un'associazione.", en: "List an association's volunteers.")
    ) }
    static let storeAccess = Store.Access.read

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String

    func run(_ context: AppContext) throws {
        let store = try context.store
        let volunteers = try store.volunteers(of: association)
        guard !volunteers.isEmpty else {
            try context.say(.noVolunteers(association: association))
            return
        }
        let today = store.today()
        var table = TextTable(TableHeaders.volunteers.words(try context.language))
        let language = try context.language, it = language == .it
        for v in volunteers {
            let absences = v.absences.filter { $0.to >= today }.map { "\(language.date($0.from))…\(language.date($0.to))" }.joined(separator: " ")
            let qualified = it ? (v.qualifications.isEmpty ? "-" : v.qualifications.italianNames.joined(separator: "+")) : v.qualifications.description
            table.add([v.code, v.licenceCategory.isEmpty ? "-" : v.licenceCategory, v.licenceExpiry.map(language.date) ?? "-", String(v.birthYear),
                       v.insuredUntil.map(language.date) ?? "-", qualified, it ? v.shifts.italianText : v.shifts.description,
                       absences.isEmpty ? "-" : absences])
        }
        context.print(table.rendered)
    }
}

/// `centrale volunteer update CODE --association A …`.
struct VolunteerUpdateCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "update",
        abstract: localized(it: "Modifica patente, assicurazione, qualifiche o turni di un volontario.",
                            en: "Change a volunteer's licence, insurance, qualifications or shifts."),
        discussion: localized(it: "I servizi confermati che il volontario non può più fare perdono la conferma e vengono elencati.",
                              en: "Their confirmed trips they may no longer drive lose their confirmation, and are listed.")
    ) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del volontario.", en: "The volunteer's code."), valueName: localized(it: "codice", en: "code"))) var code: String
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String
    @OptionGroup var fields: VolunteerOptions

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName())
        let store = try context.store
        let today = store.today()
        let affected = try store.updateVolunteer(association: association, code: code.uppercased(), actor: actor,
                                                 averageSpeedKmh: try context.registry.convention.planning.averageSpeedKmh) { volunteer in
            try fields.apply(to: &volunteer, today: today)
        }
        try context.say(.volunteerUpdated(code.uppercased(), association: association))
        try printAffected(affected, context)
    }
}

/// `centrale volunteer absent CODE --association A --from --to [--reason]`.
struct VolunteerAbsentCommand: StoreCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "absent",
        abstract: localized(it: "Registra un'assenza di un volontario.", en: "Record a volunteer's absence."),
        discussion: localized(it: "I servizi confermati del volontario nel periodo perdono la conferma e vengono elencati: confermali con un altro autista.",
                              en: "Their confirmed trips in the period lose their confirmation, and are listed: confirm them with another driver.")
    ) }
    static let storeAccess = Store.Access.write

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(localized(it: "Il codice del volontario.", en: "The volunteer's code."), valueName: localized(it: "codice", en: "code"))) var code: String
    @Option(help: ArgumentHelp(localized(it: "Il codice dell'associazione.", en: "The association's code."), valueName: localized(it: "associazione", en: "association"))) var association: String
    @Option(help: ArgumentHelp(localized(it: "Il primo giorno di assenza.", en: "The first day away."), valueName: localized(it: "data", en: "from"))) var from: LocalDate
    @Option(help: ArgumentHelp(localized(it: "L'ultimo giorno di assenza.", en: "The last day away."), valueName: localized(it: "data", en: "to"))) var to: LocalDate
    @Option(help: ArgumentHelp(localized(it: "Il motivo (facoltativo).", en: "Why (optional)."), valueName: localized(it: "causale", en: "reason"))) var reason: String = ""

    func validate() throws {
        guard to >= from else { throw ValidationError(localized(it: "--to (\(to)) è prima di --from (\(from)); indica l'ultimo giorno di assenza",
                                                                en: "--to (\(to)) is before --from (\(from)); give the last day away")) }
    }

    func run(_ context: AppContext) throws {
        let actor = Actor(try context.operatorName(), reason: reason.isEmpty ? nil : reason)
        let store = try context.store
        let affected = try store.addAbsence(association: association, code: code.uppercased(), Absence(from: from, to: to, reason: reason),
                                            averageSpeedKmh: try context.registry.convention.planning.averageSpeedKmh, actor: actor)
        try context.say(.volunteerAbsent(code.uppercased(), association: association, from: from, to: to))
        try printAffected(affected, context)
    }
}

/// Lists the trips a change of availability touched, for the dispatcher.
func printAffected(_ affected: [AffectedTrip], _ context: AppContext) throws {
    guard !affected.isEmpty else { return }
    try context.say(.tripsAffected(affected.count))
    for trip in affected { try context.say(.tripAffected(trip.trip, date: trip.date, note: trip.note)) }
}
