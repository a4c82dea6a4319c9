/// Python `str` methods.
enum StringMethods {
    static func isSpace(_ char: Character) -> Bool { char.isWhitespace }

    static func strip(_ text: String, _ chars: Value?, leading: Bool, trailing: Bool) -> String {
        let set: Set<Character>? = chars.flatMap { $0.isNone ? nil : Set($0.renderedString()) }
        func drop(_ char: Character) -> Bool { set.map { $0.contains(char) } ?? char.isWhitespace }
        var slice = Substring(text)
        if leading { slice = slice.drop(while: drop) }
        if trailing {
            while let last = slice.last, drop(last) { slice.removeLast() }
        }
        return String(slice)
    }

    static func split(_ text: String, _ separator: Value?, _ maxSplit: Int, fromRight: Bool) throws -> [String] {
        if let separator, !separator.isNone {
            let sep = separator.renderedString()
            guard !sep.isEmpty else { throw TemplateRuntimeError("empty separator") }
            var parts = text.components(separatedByString: sep)
            if maxSplit >= 0, parts.count > maxSplit + 1 {
                if fromRight {
                    let head = parts[0..<(parts.count - maxSplit)].joined(separator: sep)
                    parts = [head] + parts[(parts.count - maxSplit)...]
                } else {
                    let tail = parts[maxSplit...].joined(separator: sep)
                    parts = Array(parts[0..<maxSplit]) + [tail]
                }
            }
            return parts
        }
        // Whitespace splitting: runs of whitespace, no empty strings.
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if maxSplit < 0 || words.count <= maxSplit + 1 { return words }
        if fromRight {
            let trimmed = strip(text, nil, leading: false, trailing: true)
            var parts: [String] = []
            var rest = Substring(trimmed)
            for _ in 0..<maxSplit {
                guard let space = rest.lastIndex(where: { $0.isWhitespace }) else { break }
                parts.insert(String(rest[rest.index(after: space)...]), at: 0)
                rest = rest[..<space]
                while let last = rest.last, last.isWhitespace { rest.removeLast() }
            }
            return [String(rest)] + parts
        }
        var parts: [String] = []
        var rest = Substring(strip(text, nil, leading: true, trailing: false))
        for _ in 0..<maxSplit {
            guard let space = rest.firstIndex(where: { $0.isWhitespace }) else { break }
            parts.append(String(rest[..<space]))
            rest = rest[space...].drop(while: { $0.isWhitespace })
        }
        parts.append(String(rest))
        return parts
    }

    /// Jinja2's `title`: words start after whitespace, `-`, `(`, `{`, `[` or `<`.
    static func title(_ text: String) -> String {
        var out = ""
        var atWordStart = true
        for char in text {
            let isBoundary = char.isWhitespace || "-({[<".contains(char)
            if isBoundary {
                out.append(char)
                atWordStart = true
            } else {
                out += atWordStart ? char.uppercased() : char.lowercased()
                atWordStart = false
            }
        }
        return out
    }

    static func capitalize(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst().lowercased()
    }

    static func call(_ text: String, _ name: String, _ arguments: FilterArguments) throws -> Value? {
        switch name {
        case "lower": return .string(text.pythonLower)
        case "upper": return .string(text.pythonUpper)
        case "strip": return .string(strip(text, arguments.value(0, "chars"), leading: true, trailing: true))
        case "lstrip": return .string(strip(text, arguments.value(0, "chars"), leading: true, trailing: false))
        case "rstrip": return .string(strip(text, arguments.value(0, "chars"), leading: false, trailing: true))
        case "split", "rsplit":
            let parts = try split(
                text, arguments.value(0, "sep"), try arguments.int(1, "maxsplit", default: -1), fromRight: name == "rsplit")
            return .list(parts.map { .string($0) })
        case "splitlines":
            return .list(text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }).map { .string(String($0)) }
                .dropLast(text.last?.isNewline == true ? 1 : 0))
        case "replace":
            let old = try arguments.required(0, "old").renderedString()
            let new = try arguments.required(1, "new").renderedString()
            let count = try arguments.int(2, "count", default: -1)
            return .string(try text.replacing(old, with: new, maxCount: count))
        case "startswith", "endswith":
            let probe = try arguments.required(0, "prefix")
            let candidates = probe.asList ?? [probe]
            let hit = candidates.contains { candidate in
                let part = candidate.renderedString()
                return name == "startswith" ? text.hasPrefix(part) : text.hasSuffix(part)
            }
            return .bool(hit)
        case "format":
            return .string(try StringFormatting.format(text, arguments.positional, arguments.keyword))
        case "join":
            let items = try arguments.required(0, "iterable")
            guard let sequence = Filters.sequence(items) else {
                throw TemplateRuntimeError("can only join an iterable")
            }
            return .string(sequence.map { $0.renderedString() }.joined(separator: text))
        case "title": return .string(title(text))
        case "capitalize": return .string(capitalize(text))
        case "find", "index", "rfind":
            let part = try arguments.required(0, "sub").renderedString()
            let scalars = Array(text)
            let needle = Array(part)
            var found = -1
            if needle.count <= scalars.count {
                let range = Array(0...(scalars.count - needle.count))
                for start in (name == "rfind" ? range.reversed() : range) where Array(scalars[start..<start + needle.count]) == needle {
                    found = start
                    break
                }
            }
            if name == "index" && found < 0 { throw TemplateRuntimeError("substring not found") }
            return .int(found)
        case "count":
            let part = try arguments.required(0, "sub").renderedString()
            if part.isEmpty { return .int(text.count + 1) }
            return .int(text.occurrences(of: Array(part.utf8), in: Array(text.utf8)).count)
        case "isdigit": return .bool(!text.isEmpty && text.allSatisfy { $0.isNumber })
        case "isalpha": return .bool(!text.isEmpty && text.allSatisfy { $0.isLetter })
        case "isalnum": return .bool(!text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber })
        case "isspace": return .bool(!text.isEmpty && text.allSatisfy { $0.isWhitespace })
        case "isupper": return .bool(text.contains { $0.isCased } && !text.contains { $0.isLowercase })
        case "islower": return .bool(text.contains { $0.isCased } && !text.contains { $0.isUppercase })
        case "zfill":
            let width = min(try arguments.int(0, "width", default: 0), 1_000_000)
            return .string(String(repeating: "0", count: max(0, width - text.count)) + text)
        case "ljust", "rjust", "center":
            let width = try arguments.int(0, "width", default: 0)
            let fill = arguments.string(1, "fillchar") ?? " "
            return .string(Filters.pad(text, width: width, fill: fill, mode: name))
        default:
            return nil
        }
    }
}

extension String {
    /// Byte offsets of non-overlapping occurrences of `needle` (non-empty), at most `limit` (all when negative).
    /// UTF-8 is self-synchronising, so byte matches are character-boundary matches, as in Python.
    func occurrences(of needle: [UInt8], in haystack: [UInt8], limit: Int = -1) -> [Int] {
        var found: [Int] = []
        let count = needle.count
        guard count > 0, haystack.count >= count else { return found }
        let first = needle[0]
        var index = 0
        let last = haystack.count - count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                var offset = 1
                while offset < count {
                    if haystack[index + offset] != needle[offset] { matched = false; break }
                    offset += 1
                }
                if matched {
                    found.append(index)
                    if limit >= 0 && found.count >= limit { break }
                    index += count
                    continue
                }
            }
            index += 1
        }
        return found
    }

    /// Splits on every occurrence of `separator` (non-empty), keeping empty parts, as Python does.
    func components(separatedByString separator: String) -> [String] {
        let haystack = Array(utf8)
        let needle = Array(separator.utf8)
        let hits = occurrences(of: needle, in: haystack)
        if hits.isEmpty { return [self] }
        var parts: [String] = []
        parts.reserveCapacity(hits.count + 1)
        var start = 0
        for hit in hits {
            parts.append(String(decoding: haystack[start..<hit], as: UTF8.self))
            start = hit + needle.count
        }
        parts.append(String(decoding: haystack[start...], as: UTF8.self))
        return parts
    }

    /// Replaces up to `maxCount` occurrences (all when negative); an empty `old` inserts between characters.
    func replacing(_ old: String, with new: String, maxCount: Int) throws -> String {
        if old.isEmpty {
            var out = ""
            guard utf8.count * (new.utf8.count + 1) <= Operators.maxSize else {
                throw TemplateRuntimeError("replace() result is too large")
            }
            var done = 0
            for char in self {
                if maxCount < 0 || done < maxCount { out += new; done += 1 }
                out.append(char)
            }
            if maxCount < 0 || done < maxCount { out += new }
            return out
        }
        // Fast path: the needle's first byte does not occur at all.
        if let first = old.utf8.first, !containsByte(first) { return self }
        let needle = Array(old.utf8)
        let haystack = Array(utf8)
        let hits = occurrences(of: needle, in: haystack, limit: maxCount)
        if hits.isEmpty { return self }
        let replacement = Array(new.utf8)
        if haystack.count + hits.count * max(0, replacement.count - needle.count) > Operators.maxSize {
            throw TemplateRuntimeError("replace() result is too large")
        }
        var out: [UInt8] = []
        out.reserveCapacity(haystack.count + hits.count * max(0, replacement.count - needle.count))
        var start = 0
        for hit in hits {
            out.append(contentsOf: haystack[start..<hit])
            out.append(contentsOf: replacement)
            start = hit + needle.count
        }
        out.append(contentsOf: haystack[start...])
        return String(decoding: out, as: UTF8.self)
    }
}
