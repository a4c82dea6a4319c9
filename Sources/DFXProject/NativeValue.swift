import DFXBasics
import DFXYAML

/// dbt renders YAML values "natively": text that a template produced and that reads as a Python
/// literal becomes that value, so `"{{ target.name == 'prod' }}"` is a boolean and
/// `"{{ ['a', 'b'] }}"` a list. Anything else stays text.
enum NativeValue {
    static func convert(_ text: String) -> ConfigValue {
        let trimmed = text.trimmingWhitespace
        switch trimmed {
        case "True", "true": return .bool(true)
        case "False", "false": return .bool(false)
        case "None", "none": return .null
        default: break
        }
        // Python rejects leading zeros (`007`), so such text stays text.
        if let number = Int(trimmed), String(number) == trimmed { return .int(number) }
        if trimmed.contains("."), let number = Double(trimmed), number.isFinite { return .double(number) }
        guard let first = trimmed.first, first == "[" || first == "{" else { return .string(text) }
        // Python list and dict literals of plain values are YAML flow collections.
        let yamlText = pythonConstantsAsYAML(trimmed)
        guard let node = try? YAML.parse(yamlText, file: "<rendered>"), let value = try? node.configValue() else {
            return .string(text)
        }
        return value
    }
}

extension NativeValue {
    /// `True`/`False`/`None` outside quotes spelled as YAML's `true`/`false`/`null`.
    static func pythonConstantsAsYAML(_ text: String) -> String {
        var output = ""
        var word = ""
        var quote: Character?
        func flush() {
            switch word {
            case "True": output += "true"
            case "False": output += "false"
            case "None": output += "null"
            default: output += word
            }
            word = ""
        }
        for character in text {
            if let open = quote {
                output.append(character)
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                flush()
                quote = character
                output.append(character)
            } else if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
