import CentraleOffice
import ArgumentParser
import CentraleDomain
import CentraleFormats
import CentraleIntake
import CentraleRendering
import CentraleStore
import Foundation

/// `centrale beneficiary`: people from referral to closing.
struct BeneficiaryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "beneficiary",
        abstract: localized(it: "Registra, cerca, sospende, chiude, esporta e cancella i beneficiari.",
                            en: "Register, find, suspend, close, export and erase beneficiaries."),
        subcommands: [BeneficiaryAddCommand.self, BeneficiaryUpdateCommand.self, BeneficiaryImportCommand.self, BeneficiaryTemplateCommand.self,
                      BeneficiaryListCommand.self, BeneficiaryFindCommand.self, BeneficiaryShowCommand.self, BeneficiarySuspendCommand.self,
                      BeneficiaryResumeCommand.self, BeneficiaryCloseCommand.self, BeneficiaryExportCommand.self, BeneficiaryEraseCommand.self]
    ) }
}

/// The flags of every field of a person (`add` needs most of them; `update` any).
struct PersonOptions: ParsableArguments {
    @Option(help: ArgumentHelp(localized(it: "Cognome.", en: "Surname."), valueName: localized(it: "cognome", en: "surname"))) var surname: String?
    @Option(help: ArgumentHelp(localized(it: "Nome.", en: "Given name."), valueName: localized(it: "nome", en: "name"))) var name: String?
    @Option(name: .customLong("codice-fiscale"), help: ArgumentHelp(localized(it: "Il codice fiscale di 16 caratteri (formato e carattere di controllo verificati).", en: "The 16-character codice fiscale (format and check character verified)."))) var codiceFiscale: String?
    @Option(name: .customLong("birth-date"), help: ArgumentHelp(localized(it: "Data di nascita, gg/mm/aaaa o AAAA-MM-GG.", en: "Date of birth, dd/mm/yyyy or YYYY-MM-DD."), valueName: localized(it: "data", en: "birth-date"))) var birthDate: String?
    @Option(help: ArgumentHelp(localized(it: "Un numero di telefono (ripetere l'opzione per più numeri).", en: "A phone number (repeat for more)."), valueName: localized(it: "telefono", en: "phone"))) var phone: [String] = []
    @Option(help: ArgumentHelp(localized(it: "La via di casa, es. 'Via Roma'.", en: "Home street, e.g. 'Via Roma'."), valueName: localized(it: "via", en: "street"))) var street: String?
    @Option(help: ArgumentHelp(localized(it: "Numero civico.", en: "House number."), valueName: localized(it: "civico", en: "number"))) var number: String?
    @Option(help: ArgumentHelp(localized(it: "Comune di residenza: nome o codice ISTAT.", en: "Comune of residence: name or ISTAT code."))) var comune: String?
    @Option(help: ArgumentHelp(localized(it: "Latitudine di casa (senza, il centro del comune, segnata come approssimata).", en: "Home latitude (without it, the comune's centre, marked approximate)."))) var lat: String?
    @Option(help: ArgumentHelp(localized(it: "Longitudine di casa.", en: "Home longitude."))) var lon: String?
    @Option(help: ArgumentHelp(localized(it: "Persona di riferimento (caregiver).", en: "Contact person (caregiver)."), valueName: localized(it: "nome", en: "caregiver"))) var caregiver: String?
    @Option(name: .customLong("caregiver-phone"), help: ArgumentHelp(localized(it: "Il telefono del caregiver.", en: "The caregiver's phone."), valueName: localized(it: "telefono", en: "caregiver-phone"))) var caregiverPhone: String?
    @Option(name: .customLong("driver-notes"), help: ArgumentHelp(localized(it: "Note per l'autista, es. 'terzo piano senza ascensore'.", en: "Notes for the driver, e.g. 'third floor, no lift'."), valueName: localized(it: "note", en: "driver-notes"))) var driverNotes: String?
    @Option(name: .customLong("referred-by"), help: ArgumentHelp(localized(it: "pua, social_services (servizi sociali), case_manager, hospital_discharge (dimissione ospedaliera) o family_doctor (medico di famiglia).", en: "pua, social_services, case_manager, hospital_discharge or family_doctor."), valueName: localized(it: "segnalante", en: "referred-by"))) var referredBy: String?
    @Option(help: ArgumentHelp(localized(it: "Il nome di chi ha fatto la segnalazione.", en: "The referrer's name."), valueName: localized(it: "nome", en: "referrer"))) var referrer: String?
    @Option(name: .customLong("referrer-role"), help: ArgumentHelp(localized(it: "Il ruolo di chi ha fatto la segnalazione.", en: "The referrer's role."), valueName: localized(it: "ruolo", en: "referrer-role"))) var referrerRole: String?
    @Option(name: .customLong("referred-on"), help: ArgumentHelp(localized(it: "La data della segnalazione.", en: "The referral's date."), valueName: localized(it: "data", en: "referred-on"))) var referredOn: String?
    @Option(help: ArgumentHelp(localized(it: "Il riferimento UVM/PAI.", en: "The UVM/PAI reference."), valueName: localized(it: "riferimento", en: "pai"))) var pai: String?
    @Option(help: ArgumentHelp(localized(it: "Motivi autorizzati, es. dialysis,visit (anche in italiano: dialisi|visita).", en: "Purposes allowed, e.g. dialysis,visit (Italian too: dialisi|visita)."), valueName: localized(it: "motivi", en: "purposes"))) var purposes: String?
    @Option(help: ArgumentHelp(localized(it: "Bisogni: wheelchair, stretcher, escort, companion (anche in italiano: carrozzina, barella, accompagnatore, familiare), o none.", en: "Needs: wheelchair, stretcher, escort, companion (Italian too), or none."), valueName: localized(it: "bisogni", en: "needs"))) var needs: String?
    @Option(name: .customLong("valid-from"), help: ArgumentHelp(localized(it: "Primo giorno dell'autorizzazione.", en: "First day of the authorisation."), valueName: localized(it: "data", en: "valid-from"))) var validFrom: String?
    @Option(name: .customLong("valid-until"), help: ArgumentHelp(localized(it: "Ultimo giorno dell'autorizzazione.", en: "Last day of the authorisation."), valueName: localized(it: "data", en: "valid-until"))) var validUntil: String?

    /// The given flags under the import's (Italian) column names.
    var fields: [String: String] {
        var fields: [String: String] = [:]
        let pairs: [(String, String?)] = [
            ("cognome", surname), ("nome", name), ("codice_fiscale", codiceFiscale), ("data_nascita", birthDate),
            ("telefono", phone.isEmpty ? nil : phone.joined(separator: "|")), ("indirizzo", street), ("civico", number), ("comune", comune),
            ("latitudine", lat), ("longitudine", lon), ("caregiver", caregiver), ("telefono_caregiver", caregiverPhone),
            ("note_autista", driverNotes), ("segnalato_da", referredBy), ("referente", referrer), ("ruolo_referente", referrerRole),
            ("data_segnalazione", referredOn), ("riferimento_pai", pai), ("motivi", purposes),
            ("bisogni", needs.map { $0 == "none" ? "" : $0 }), ("valido_dal", validFrom), ("valido_al", validUntil),
        ]
        for case let (key, value?) in pairs { fields[key] = value }
        return fields
    }

    /// Whether any flag of the authorisation is given.
    var changesAuthorisation: Bool { purposes != nil || needs != nil || validFrom != nil || validUntil != nil }
    var changesReferral: Bool { referredBy != nil || referrer != nil || referrerRole != nil || referredOn != nil || pai != nil }
}

/// The flag names of the import's columns, for messages of `add` and `update`.
let flagNames: [String: String] = [
    "cognome": "--surname", "nome": "--name", "codice_fiscale": "--codice-fiscale", "data_nascita": "--birth-date", "telefono": "--phone",
    "indirizzo": "--street", "civico": "--number", "comune": "--comune", "latitudine": "--lat", "longitudine": "--lon",
    "caregiver": "--caregiver", "telefono_caregiver": "--caregiver-phone", "note_autista": "--driver-notes", "segnalato_da": "--referred-by",
    "referente": "--referrer", "ruolo_referente": "--referrer-role", "data_segnalazione": "--referred-on", "riferimento_pai": "--pai",
    "motivi": "--purposes", "bisogni": "--needs", "valido_dal": "--valid-from", "valido_al": "--valid-until",
]

/// A refusal of `add`/`update` fields, naming the flags.
struct PersonRefusal: RenderedError {
    var refusal: IntakeRefusal
    func lines(_ language: Language) -> String {
        let words = ErrorWords(language)
        return refusal.problems.map { "\(words.error) \(flagNames[$0.field] ?? $0.field): \($0.text(language, RemedyCommand.render(language)))" }
            .joined(separator: "\n") + "\n" + words.nothingWritten
    }
}

/// The import's column values of a person already registered (to change some of them).
func fields(of file: BeneficiaryFile, comuneName: String) -> [String: String] {
    var fields: [String: String] = [:]
    if let p = file.personal {
        fields["cognome"] = p.surname; fields["nome"] = p.name; fields["codice_fiscale"] = p.codiceFiscale
        fields["data_nascita"] = p.birthDate.description; fields["telefono"] = p.phones.joined(separator: "|")
        fields["indirizzo"] = p.street; fields["civico"] = p.houseNumber; fields["comune"] = p.comune
        if !p.positionApproximate { fields["latitudine"] = String(p.position.latitude); fields["longitudine"] = String(p.position.longitude) }
        fields["caregiver"] = p.caregiver; fields["telefono_caregiver"] = p.caregiverPhone; fields["note_autista"] = p.driverNotes
    }
    fields["segnalato_da"] = file.beneficiary.referredBy.rawValue
    if let r = file.referral {
        fields["referente"] = r.referrerName; fields["ruolo_referente"] = r.referrerRole
        fields["data_segnalazione"] = r.date.description; fields["riferimento_pai"] = r.paiReference
    }
    if let a = file.beneficiary.currentAuthorisation {
        fields["motivi"] = a.purposesText
        fields["bisogni"] = (Needs.names.filter { a.needs.contains($0.0) }.map(\.1) + (a.companionAllowed ? ["companion"] : [])).joined(separator: ",")
        fields["valido_dal"] = a.validFrom.description; fields["valido_al"] = a.validUntil.description
    }
    return fields
}

/// A person as `list`, `find` and `show` print them in JSON.
struct BeneficiaryListing: Encodable {
    var code: String, status: String, comune: String, comuneName: String, codiceFiscale: String
    var surname: String, name: String, phone: String, needs: String, validUntil: String?

    init(_ s: BeneficiarySummary, comuneNames: [String: String]) {
        code = s.code; status = s.effectiveStatus.rawValue; comune = s.comune; comuneName = comuneNames[s.comune] ?? s.comune
        codiceFiscale = s.codiceFiscale; surname = s.surname; name = s.name; phone = s.phone; needs = s.needs.description
        validUntil = s.validUntil?.description
    }

    enum CodingKeys: String, CodingKey {
        case code, status, comune, surname, name, phone, needs
        case comuneName = "comune_name", codiceFiscale = "codice_fiscale", validUntil = "valid_until"
    }
}

/// Prints people as a table, CSV or JSON. The CSV is in `dialect`, as the other exports: Italian
/// Excel (`;`, BOM, CRLF, Italian headers, statuses and needs by Italian name, `dd/mm/yyyy`) or
/// RFC 4180 (`,`, LF, English headers and codes, ISO dates).
func printPeople(_ people: [BeneficiarySummary], to context: AppContext, format: PeopleFormat, dialect: CSVDialect,
                 comuneNames: [String: String], empty: String) throws {
    switch format {
    case .json:
        context.print(try jsonString(people.map { BeneficiaryListing($0, comuneNames: comuneNames) }))
    case .csv:
        let italian = dialect == .excel
        let header = italian ? ["codice", "stato", "comune", "cognome", "nome", "codice_fiscale", "telefono", "bisogni", "valido_al"]
                             : ["code", "status", "comune", "surname", "name", "codice_fiscale", "phone", "needs", "valid_until"]
        let rows = people.map { p -> [String] in
            let status = italian ? p.effectiveStatus.italianName : p.effectiveStatus.rawValue
            let needs = p.needs.isEmpty ? "" : (italian ? p.needs.italianNames.joined(separator: "+") : p.needs.description)
            return [p.code, status, comuneNames[p.comune] ?? p.comune, p.surname, p.name, p.codiceFiscale, p.phone, needs,
                    p.validUntil.map(dialect.date) ?? ""]
        }
        context.printDocument(CSVWriter(dialect: dialect).document([header] + rows))
    case .table:
        if people.isEmpty { context.print(empty); return }
        let language = try context.language, it = language == .it
        var table = TextTable(TableHeaders.people.words(language))
        for p in people {
            let needs = it ? (p.needs.isEmpty ? "-" : p.needs.italianNames.joined(separator: "+")) : p.needs.description
            table.add([p.code, it ? p.effectiveStatus.italianName : p.effectiveStatus.rawValue, comuneNames[p.comune] ?? p.comune, p.surname, p.name,
                       p.codiceFiscale, p.phone, needs, p.validUntil.map(language.date) ?? "-"])
        }
        context.print(table.rendered)
    }
}

/// `table`, `csv` or `json`.
enum PeopleFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
