extension Filters {
    static let textFilters: [(String, FilterBox)] = [
        ("lower", FilterBox { _, value, _ in .string(value.renderedString().pythonLower) }),
        ("upper", FilterBox { _, value, _ in .string(value.renderedString().pythonUpper) }),
        ("capitalize", FilterBox { _, value, _ in .string(StringMethods.capitalize(value.renderedString())) }),
        ("title", FilterBox { _, value, _ in .string(StringMethods.title(value.renderedString())) }),
        ("trim", FilterBox { _, value, arguments in
            .string(StringMethods.strip(value.renderedString(), arguments.value(0, "chars"), leading: true, trailing: true))
        }),
        ("replace", FilterBox { _, value, arguments in
            let old = try arguments.required(0, "old").renderedString()
            let new = try arguments.required(1, "new").renderedString()
            return .string(try value.renderedString().replacing(old, with: new, maxCount: try arguments.int(2, "count", default: -1)))
        }),
        ("string", FilterBox { _, value, _ in .string(value.renderedString()) }),
        ("as_text", FilterBox { _, value, _ in .string(value.renderedString()) }),
        ("as_native", FilterBox { _, value, _ in value }),
        ("as_bool", FilterBox { _, value, _ in
            if case .string(let text) = value {
                if text == "True" || text == "true" { return .bool(true) }
                if text == "False" || text == "false" { return .bool(false) }
            }
            return value
        }),
        ("as_number", FilterBox { _, value, _ in
            if case .string(let text) = value {
                if let number = Int(text) { return .int(number) }
                if let number = Double(text) { return .double(number) }
            }
            return value
        }),
        ("safe", FilterBox { _, value, _ in value }),
        ("escape", FilterBox { _, value, _ in .string(escapeHTML(value.renderedString())) }),
        ("e", FilterBox { _, value, _ in .string(escapeHTML(value.renderedString())) }),
        ("forceescape", FilterBox { _, value, _ in .string(escapeHTML(value.renderedString())) }),
        ("center", FilterBox { _, value, arguments in
            .string(pad(value.renderedString(), width: try arguments.int(0, "width", default: 80), fill: " ", mode: "center"))
        }),
        ("indent", FilterBox { _, value, arguments in try indent(value.renderedString(), arguments) }),
        ("truncate", FilterBox { _, value, arguments in try truncate(value.renderedString(), arguments) }),
        ("wordcount", FilterBox { _, value, _ in
            .int(value.renderedString().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).count)
        }),
        ("striptags", FilterBox { _, value, _ in .string(stripTags(value.renderedString())) }),
        ("format", FilterBox { _, value, arguments in
            if !arguments.keyword.isEmpty {
                return .string(try StringFormatting.format(value.renderedString(), arguments.positional, arguments.keyword))
            }
            return .string(try StringFormatting.percent(value.renderedString(), .tuple(arguments.positional)))
        }),
        ("tojson", FilterBox { _, value, arguments in
            .string(try JSONWriter.write(value, indent: try arguments.int(0, "indent", default: -1)))
        }),
        ("default", FilterBox(defaultFilter)), ("d", FilterBox(defaultFilter)),
    ]

    static let defaultFilter: FilterFunction = { _, value, arguments in
        let fallback = arguments.value(0, "default_value") ?? .string("")
        if arguments.bool(1, "boolean", default: false) { return value.isTruthy ? value : fallback }
        return value.isUndefined ? fallback : value
    }

    static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }

    static func indent(_ text: String, _ arguments: FilterArguments) throws -> Value {
        let width = arguments.value(0, "width") ?? .int(4)
        let indention: String
        if case .string(let prefix) = width { indention = prefix } else {
            indention = String(repeating: " ", count: max(0, min(try arguments.int(0, "width", default: 4), 10_000)))
        }
        let first = arguments.bool(1, "first", default: false)
        let blank = arguments.bool(2, "blank", default: false)
        let lines = (text + "\n").split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }).dropLast()
            .map(String.init)
        var result: String
        if blank {
            result = lines.joined(separator: "\n" + indention)
        } else {
            result = lines.first ?? ""
            let rest = lines.dropFirst()
            if !rest.isEmpty {
                result += "\n" + rest.map { $0.isEmpty ? $0 : indention + $0 }.joined(separator: "\n")
            }
        }
        if first { result = indention + result }
        return .string(result)
    }

    static func truncate(_ text: String, _ arguments: FilterArguments) throws -> Value {
        let length = max(0, min(try arguments.int(0, "length", default: 255), 100_000_000))
        let killwords = arguments.bool(1, "killwords", default: false)
        let end = arguments.string(2, "end") ?? "..."
        let leeway = max(0, min(try arguments.int(3, "leeway", default: 5), 100_000_000))
        if text.count <= length + leeway { return .string(text) }
        let cut = String(text.prefix(max(0, length - end.count)))
        if killwords { return .string(cut + end) }
        if let space = cut.lastIndex(of: " ") { return .string(String(cut[..<space]) + end) }
        return .string(cut + end)
    }

    static func stripTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for char in text {
            if char == "<" { inTag = true; continue }
            if char == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(char) }
        }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
