import CentraleDispatch
import CentraleDomain
import CentraleFormats
import CentralePlanning
import Foundation

/// The screen's words for values (dates, statuses, reasons) in the screen's language
/// (`TUIState.language`): Italian by default, dates `dd/mm/yyyy` and weekdays `lun`…; in English
/// ISO dates and `Mon`…, as the other catalogues write them.
extension Labels {
    static let englishWeekdays = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// A date: `07/12/2026`, `2026-12-07`.
    public static func date(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .it: date.italianText
        case .en: date.description
        }
    }

    /// A date with its weekday: `lun 07/12/2026`, `Mon 2026-12-07`.
    public static func day(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .it: "\(weekdays[date.isoWeekday]) \(date.italianText)"
        case .en: "\(englishWeekdays[date.isoWeekday]) \(date.description)"
        }
    }

    /// A trip's status in full: `assegnato`, `assigned` (`TripStatus.italianName`).
    public static func statusName(_ status: TripStatus, _ language: Language) -> String {
        switch language {
        case .it: return status.italianName
        case .en:
            switch status {
            case .pending: return "pending"
            case .assigned: return "assigned"
            case .done: return "done"
            case .noShow: return "no-show"
            case .cancelled: return "cancelled"
            case .unassignable: return "unassignable"
            }
        }
    }

    /// A trip's status, shortened where the board needs it (`non assegn.`).
    public static func status(_ status: TripStatus, _ language: Language) -> String {
        guard status == .unassignable else { return statusName(status, language) }
        return language == .it ? "non assegn." : "unassign."
    }

    /// A person's status as the dispatcher must read it: an active person without an
    /// authorisation in force is not "attivo" (`autorizz. scaduta`, `non autorizzato`).
    public static func personStatus(_ status: EffectiveStatus, _ language: Language) -> String {
        switch (status, language) {
        case (.authorisationExpired, .it): "autorizz. scaduta"
        case (_, .it): status.italianName
        case (.authorisationExpired, .en): "authorisation expired"
        case (.notAuthorised, .en): "not authorised"
        case (_, .en): status.rawValue
        }
    }

    /// Why a service was closed: `trasferito`, `moved`.
    public static func closingReason(_ reason: ClosingReason, _ language: Language) -> String {
        switch language {
        case .it: reason.italianName
        case .en: reason.rawValue
        }
    }

    /// The closing reasons, as the card's prompt lists them.
    static func closingReasons(_ language: Language) -> String {
        ClosingReason.allCases.map { closingReason($0, language) }.joined(separator: ", ")
    }

    /// The closing reason at the start of `words` (after the day, at the card's prompt): its
    /// Italian name or its code, in any case and accents ignored, an Italian name in the
    /// feminine too (`trasferita`, `deceduta`); with the number of words it takes
    /// (`non più avente diritto` takes four). Nil when the words start with none.
    static func closingReason(parsing words: ArraySlice<String>) -> (reason: ClosingReason, words: Int)? {
        let typed = words.map { TextFolding.fold($0) }
        // A word of a name, or its feminine when it ends in -o.
        func same(_ word: String, _ name: String) -> Bool {
            word == name || (name.count > 1 && name.hasSuffix("o") && word == String(name.dropLast()) + "a")
        }
        var best: (reason: ClosingReason, words: Int)?
        for reason in ClosingReason.allCases {
            for name in [reason.italianName, reason.rawValue, reason.rawValue.replacingOccurrences(of: "_", with: " ")] {
                let parts = TextFolding.fold(name).split(separator: " ").map(String.init)
                guard !parts.isEmpty, parts.count <= typed.count,
                      zip(typed, parts).allSatisfy({ same($0.0, $0.1) }) else { continue }
                if parts.count > (best?.words ?? 0) { best = (reason, parts.count) }
            }
        }
        return best
    }

    /// The needs in full: `carrozzina, accompagnatore` (`nessuno` for none), `wheelchair+escort`.
    public static func needsInFull(_ needs: Needs, _ language: Language) -> String {
        switch language {
        case .it: needsInFull(needs)
        case .en: needs.isEmpty ? "none" : needs.description
        }
    }

    /// Purposes: `dialisi,visita`, `dialysis,visit`.
    public static func purposes(_ purposes: Set<TripPurpose>, _ language: Language) -> String {
        switch language {
        case .it: Labels.purposes(purposes)
        case .en: TripPurpose.allCases.filter(purposes.contains).map(\.rawValue).joined(separator: ",")
        }
    }
}

extension Labels {
    /// The needs, short enough for the board (`carr+acc`, `wchr+esc`), `-` for none.
    public static func needs(_ needs: Needs, _ language: Language) -> String {
        let words: [(Needs, String)] = language == .it
            ? [(Needs.wheelchair, "carr"), (Needs.escort, "acc"), (Needs.stretcher, "bar")]
            : [(Needs.wheelchair, "wchr"), (Needs.escort, "esc"), (Needs.stretcher, "str")]
        let shown = words.filter { needs.contains($0.0) }.map(\.1)
        return shown.isEmpty ? "-" : shown.joined(separator: "+")
    }

    /// A purpose as the form shows and accepts it: `visita`, `visit`.
    public static func purposeName(_ purpose: TripPurpose, _ language: Language) -> String {
        switch language {
        case .it: purpose.italianName
        case .en: purpose.rawValue
        }
    }

    /// The purposes the form accepts, listed: `dialisi, riabilitazione, …`.
    static func purposeList(_ language: Language) -> String {
        TripPurpose.allCases.map { purposeName($0, language) }.joined(separator: ", ")
    }

    /// Kilometres with one decimal, without the unit: `12,5`, `12.5`.
    public static func km(_ distance: Distance, _ language: Language) -> String {
        distance.kilometresText(language == .it ? .italian : .machine)
    }

    /// Euros with the unit: `1,20 €`, `€1.20`.
    public static func euros(_ money: Money, _ language: Language) -> String {
        switch language {
        case .it: "\(money.text(.italian)) €"
        case .en: "€\(money.text(.machine))"
        }
    }

    /// A percentage from basis points with its unit: `12,50 %`, `12.50%`.
    public static func percent(_ basisPoints: Int, _ language: Language) -> String {
        switch language {
        case .it: BasisPoints.percentText(basisPoints, form: .italian) + " %"
        case .en: BasisPoints.percentText(basisPoints, form: .machine) + "%"
        }
    }

    /// Why a hard rule excludes an association, as the candidates screen lists it.
    public static func rule(_ rule: HardRule, _ language: Language) -> String {
        switch language {
        case .it:
            switch rule {
            case .membership: return "uscita dalla convenzione"
            case .coverage: return "non serve il comune"
            case .vehicle: return "nessun mezzo adatto"
            case .capacity: return "capacità del giorno esaurita"
            case .declined: return "ha rifiutato la corsa"
            case .crew: return "nessun equipaggio in turno a quell'ora"
            }
        case .en:
            switch rule {
            case .membership: return "left the convention"
            case .coverage: return "does not serve the comune"
            case .vehicle: return "no suitable vehicle"
            case .capacity: return "day's capacity used up"
            case .declined: return "declined the trip"
            case .crew: return "no crew on duty at that time"
            }
        }
    }

    /// A trip's availability warning, as the board explains it.
    public static func warning(_ warning: AvailabilityWarning, _ language: Language) -> String {
        switch language {
        case .it:
            switch warning {
            case .plannedVehicleOff(let plate): return "il giro accettato lo mette su \(plate), fermo quel giorno: rifare il giro (g)"
            case .plannedDriverUnavailable(let driver): return "il volontario \(driver) del giro accettato non può guidarlo quel giorno: rifare il giro (g)"
            case .confirmationWithdrawn: return "conferma ritirata (volontario o mezzo non più disponibile): l'associazione deve riconfermarlo"
            case .noCrew(let needs): return "nessun equipaggio dell'associazione in turno a quell'ora"
                + (needs.isEmpty ? "" : " con autista abilitato (\(needsInFull(needs)))")
                + ": chiedere all'associazione un equipaggio, o riassegnarlo a un'altra (Invio)"
            }
        case .en:
            switch warning {
            case .plannedVehicleOff(let plate): return "the accepted plan puts it on \(plate), off the road that day: plan the rides again (g)"
            case .plannedDriverUnavailable(let driver): return "volunteer \(driver) of the accepted plan cannot drive it that day: plan the rides again (g)"
            case .confirmationWithdrawn: return "confirmation withdrawn (volunteer or vehicle no longer available): the association must confirm it again"
            case .noCrew(let needs): return "no crew of the association on duty at that time"
                + (needs.isEmpty ? "" : " with a driver qualified for \(needsInFull(needs, .en))")
                + ": ask the association for a crew, or reassign it to another (Enter)"
            }
        }
    }
}
