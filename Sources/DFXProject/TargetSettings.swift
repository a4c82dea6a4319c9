import DFXBasics

/// One output of a profile: the warehouse a run talks to.
///
/// Its `description` never shows the password (nor any field whose name says secret, token or
/// password), so it is safe to print, log, or write into artifacts.
public struct TargetSettings: Sendable, CustomStringConvertible {
    /// The profile's name.
    public var profileName: String
    /// The target's name (`dev`, `prod`): `target.name` in templates.
    public var name: String
    /// `postgres` or `sqlite`.
    public var type: String
    /// The schema models go to unless configured otherwise.
    public var schema: String
    /// The database name (PostgreSQL `dbname`; for SQLite the file path).
    public var database: String
    public var threads: Int
    /// Every field as written in profiles.yml, after env_var rendering.
    public var fields: [String: ConfigValue]
    /// Where the target was defined.
    public var location: SourceLocation?

    public init(
        profileName: String, name: String, type: String, schema: String, database: String, threads: Int,
        fields: [String: ConfigValue], location: SourceLocation? = nil
    ) {
        self.profileName = profileName
        self.name = name
        self.type = type
        self.schema = schema
        self.database = database
        self.threads = threads
        self.fields = fields
        self.location = location
    }

    /// A field's text (`host`, `port`, `user`...), if set.
    public func string(_ key: String) -> String? { fields[key]?.scalarText }

    /// Whether a field holds a secret that must never be printed.
    public static func isSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return lowered.contains("password") || lowered.contains("secret") || lowered.contains("token")
            || lowered == "pass" || lowered == "sslpassword"
    }

    /// Fields with every secret replaced by `**********`, and a password inside a connection URI masked.
    public var redactedFields: [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, value) in fields {
            if Self.isSecret(key) {
                result[key] = .string("**********")
            } else if case .string(let text) = value {
                result[key] = .string(Self.redactingURI(text))
            } else {
                result[key] = value
            }
        }
        return result
    }

    public var description: String {
        let keys = redactedFields.keys.sorted()
        let body = keys.compactMap { key in redactedFields[key].map { "\(key)=\($0.scalarText ?? "…")" } }
        return "target \(name) (\(type)) of profile \(profileName): " + body.joined(separator: " ")
    }

    /// A YAML or connection-string line with the value of every secret-named key masked:
    /// `dev: {password: x, user: y}` → `dev: {password: **********, user: y}`.
    public static func redactingSecretValues(_ line: String) -> String {
        let secret = /(?i)((?:\w*(?:password|secret|token)\w*|pass)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^,}\s]+)/
        return redactingURI(line.replacing(secret) { match in match.output.1 + "**********" })
    }

    /// `postgresql://user:secret@host/db` → `postgresql://user:**********@host/db`; also `password=x`
    /// in a keyword/value connection string.
    public static func redactingURI(_ text: String) -> String {
        var result = text
        if let scheme = result.firstRange(of: "://"), let at = result[scheme.upperBound...].firstIndex(of: "@") {
            let userInfo = result[scheme.upperBound..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                result.replaceSubrange(result.index(after: colon)..<at, with: "**********")
            }
        }
        // keyword=value form: password=... up to the next space.
        var output = ""
        var rest = Substring(result)
        while let range = rest.firstRange(of: "password=") {
            output += rest[..<range.upperBound]
            output += "**********"
            rest = rest[range.upperBound...]
            if let space = rest.firstIndex(of: " ") { rest = rest[space...] } else { rest = "" }
        }
        return output + rest
    }
}
