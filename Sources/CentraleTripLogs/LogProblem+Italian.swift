import CentraleDomain
import CentraleFormats

/// The trip-log problems in Italian: km as Italians write them (`1.234,5`), dates `dd/mm/yyyy`, columns by
/// their Italian names.
extension LogProblem {
    public var italian: String {
        switch self {
        case let .fileTooLarge(bytes, limit):
            "il file è di \(bytes / 1_000_000) MB (\(Self.number(bytes)) byte), oltre i \(limit / 1_000_000) MB (\(Self.number(limit)) byte) "
                + "ammessi per un invio; dividilo (un file per mese)"
        case let .tooManyRows(count, limit):
            "il file ha \(Self.number(count)) righe, più delle \(Self.number(limit)) ammesse per un invio; dividilo (un file per mese)"
        case .emptyFile: "il file è vuoto"
        case .controlCharacterInHeader: "un nome di colonna contiene un carattere di controllo; scrivi i nomi come testo semplice"
        case .unknownColumn:
            "colonna sconosciuta; le colonne sono: \(Self.italianColumns) (o i nomi inglesi: \(Self.englishColumns))"
        case .repeatedColumn(let earlier): "indica la stessa colonna di '\(earlier)'; tienine una"
        case .invalidJSON(let detail):
            "non è un JSON valido (\(detail)); serve un array di oggetti come {\"trip\": 123, \"vehicle\": \"FP123AB\", …}"
        case .repeatedKey: "compare due volte nello stesso oggetto; tienine una"
        case .notAnArrayOfLogs: "serve un array di registri dei servizi, o un oggetto con un array \"logs\""
        case .notAnObject(let number): "il registro \(number) non è un oggetto {…}"
        case .unknownField: "campo sconosciuto; i campi sono: \(Self.italianColumns) (o i nomi inglesi: \(Self.englishColumns))"
        case .missingColumn: "manca; ogni registro deve avere viaggio (trip), targa (vehicle), autista (driver) ed esito (outcome)"
        case .missingKm: "manca; indica i km, oppure km_inizio e km_fine (odometer_start e odometer_end)"

        case let .controlCharacter(scalar, value): "contiene il carattere di controllo \(String(scalar)) (in '\(value)'); toglilo"
        case let .ambiguousDecimalMark(raw, first, second):
            "'\(raw)' si legge \(Self.exact(first)) km oppure \(Self.exact(second)) km; questo file scrive i decimali sia con il punto "
                + "sia con la virgola: usa un solo separatore decimale in tutto il file, e nessun separatore delle migliaia"
        case let .implausibleKm(raw, quantity, limit):
            "'\(raw)' è oltre ogni valore plausibile per \(quantity.italian) (da 0 a \(Self.number(limit)) km)"
        case let .notKm(raw, limit, mark, namesMark):
            "'\(raw)' non è un numero di km tra 0 e \(Self.number(limit)) (per esempio \(mark == .comma ? "23,4" : "23.4")"
                + (namesMark ? "; in questo file il separatore decimale è \(mark == .comma ? "la virgola" : "il punto"))" : ")")
        case let .negativeKm(raw, quantity, limit):
            "'\(raw)' è negativo; indica \(quantity.italian) tra 0 e \(Self.number(limit)) km"
        case .notATime(let raw): "'\(raw)' non è un orario; scrivi HH:MM, per esempio 08:15"
        case .notMinutes(let raw): "'\(raw)' non è un numero di minuti tra 0 e 720"
        case .emptyOutcome: "è vuoto; scrivi effettuato, assente, annullato o annullato_tardi"
        case .notAnOutcome(let raw):
            "'\(raw)' non è un esito; scrivi effettuato, assente, annullato o annullato_tardi "
                + "(oppure done, no_show, cancelled_on_spot, cancelled_late)"

        case .empty: "è vuoto"
        case .extraFields(let values):
            "la riga ha \(values.count) \(values.count == 1 ? "campo" : "campi") in più rispetto all'intestazione "
                + "(\(Self.quoted(values))); un valore che contiene il separatore "
                + "(per esempio una virgola nelle note) va scritto tra virgolette doppie"
        case .notATripID(let raw): "'\(raw)' non è un numero di servizio (un numero intero)"
        case let .tripRepeated(trip, line): "il servizio \(trip) è già alla riga \(line) di questo file; tieni una sola riga per servizio"
        case let .noSuchTrip(trip, association): "nessun servizio \(trip) assegnato a \(association)"
        case .cancelledTrip(let trip): "il servizio \(trip) è stato annullato prima di essere svolto; non va registrato"
        case let .futureTrip(trip, date, today):
            "il servizio \(trip) è del \(date.italianText), dopo oggi (\(today.italianText)); registralo dopo che è stato svolto"
        case let .wrongDate(raw, trip, date): "\(raw) non è il giorno del servizio \(trip) (\(date.italianText))"
        case .notADate(let raw): "'\(raw)' non è una data; scrivi 05/10/2026 o 2026-10-05"
        case .emptyVehicle: "è vuoto; indica la targa del mezzo usato"
        case let .notAPlate(raw, maximumLength):
            "'\(raw)' non è una targa; scrivi lettere, cifre, '-' o '/', al massimo \(maximumLength) caratteri"
        case let .notInFleet(plate, association, fleet):
            "'\(plate)' non è tra i mezzi di \(association); usa uno di questi: \(fleet.joined(separator: ", "))"
        case .emptyDriver: "è vuoto; indica il codice volontario dell'autista"
        case let .notAVolunteerCode(raw, maximumLength):
            "'\(raw)' non è un codice volontario; scrivi lettere, cifre, '-' o '/', al massimo \(maximumLength) caratteri "
                + "(il codice, non il nome)"
        case .noWheelchairPlace(let plate): "il mezzo \(plate) non ha un posto per carrozzina, e il beneficiario viaggia in carrozzina"
        case .noStretcher(let plate): "il mezzo \(plate) non ha la barella, e il beneficiario viaggia in barella"
        case let .odometerEndNotAfterStart(end, start): "\(Self.km(end)) non è maggiore di km_inizio \(Self.km(start))"
        case let .kmMismatch(km, odometer):
            "\(Self.km(km)) non corrisponde alle letture del contachilometri (\(Self.km(odometer))); correggi uno dei due valori"
        case .tripTooLong: "più di 2.000 km per un solo servizio; controlla le letture del contachilometri"
        case .oneOdometerReading: "indica entrambe le letture del contachilometri (km_inizio e km_fine), oppure nessuna delle due e i km"
        case .emptyKm(let carriedOut):
            carriedOut ? "è vuoto, e il servizio è stato effettuato; indica i km percorsi, oppure km_inizio e km_fine"
                       : "è vuoto; indica i km percorsi, oppure km_inizio e km_fine"
        case .zeroKm: "0 km per un servizio effettuato; indica i km percorsi"
        case .emptyPickupTime: "è vuoto; un servizio effettuato richiede l'ora di presa (HH:MM)"
        case .emptyDropoffTime: "è vuoto; un servizio effettuato richiede l'ora di arrivo (HH:MM)"
        case let .dropoffBeforePickup(dropoff, pickup): "\(dropoff) è prima della presa alle \(pickup)"
        case let .dropoffWithoutPassenger(dropoff, outcome):
            "c'è l'ora di arrivo \(dropoff), ma l'esito è \(outcome.italianName): nessuno è stato accompagnato; lasciala vuota"
        case .noReason(let outcome):
            "è vuoto, e l'esito è \(outcome.italianName): scrivi il motivo nelle note (per esempio 'beneficiario non in casa')"
        case let .alreadyLogged(trip, differences):
            "il servizio \(trip) è già registrato con altri valori (\(differences.map(\.italian).joined(separator: "; ")))"
        case let .overlapsLine(plate, start, end, line, trip, otherStart, otherEnd, date, why):
            "le letture \(Self.exact(start))–\(Self.exact(end)) km del mezzo \(plate) si sovrappongono alla riga \(line) "
                + "(servizio \(trip), \(Self.exact(otherStart))–\(Self.exact(otherEnd)) km) del \(date.italianText); \(why.italian)"
        case let .overlapsRecorded(plate, start, end, trip, origin, otherStart, otherEnd, date, why):
            "le letture \(Self.exact(start))–\(Self.exact(end)) km del mezzo \(plate) si sovrappongono al servizio \(trip) già registrato"
                + (origin.map { " da \($0)" } ?? "")
                + " (\(Self.exact(otherStart))–\(Self.exact(otherEnd)) km) del \(date.italianText); \(why.italian)"

        case let .driverNotRegistered(driver, association): "l'autista \(driver) non è tra i volontari registrati di \(association)"
        case .credentials(let problems): problems.map(\.italian).joined(separator: "; ")
        }
    }
}
