/// Typing into a form's focused field, the same in every form: a character replaces a prefilled
/// value not yet touched, then appends; a backspace deletes one character; Ctrl-U clears. Any of
/// them makes the field touched.
enum FieldEditing {
    /// Applies `key` to the `focus` field; false for a key that does not write.
    static func edit<Field: Hashable>(_ key: Key, _ focus: Field, values: inout [Field: String], prefilled: inout Set<Field>) -> Bool {
        switch key {
        case .char(let c):
            if prefilled.remove(focus) != nil { values[focus] = "" }
            values[focus, default: ""].append(c)
        case .backspace:
            prefilled.remove(focus)
            if !(values[focus] ?? "").isEmpty { values[focus]!.removeLast() }
        case .clearField:
            prefilled.remove(focus)
            values[focus] = ""
        default:
            return false
        }
        return true
    }
}
