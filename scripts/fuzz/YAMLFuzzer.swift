// libFuzzer entry point for DFXYAML: parse arbitrary bytes, then walk and decode whatever parsed.
// Built by scripts/fuzz/fuzz-yaml.sh; any crash, trap, leak report or timeout is a bug.
import DFXBasics
import DFXYAML

@_cdecl("LLVMFuzzerTestOneInput")
public func yamlFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let options = YAMLParseOptions(maxNodes: 50_000, maxDepth: 64)
    guard let documents = try? YAML.parseDocuments(bytes: bytes, file: "fuzz.yml", options: options) else {
        return 0
    }
    for document in documents {
        _ = document.debugDescription
        guard var reader = try? YAMLMappingReader(document, context: "fuzz") else { continue }
        for key in reader.mapping.keys.prefix(8) {
            _ = try? reader.string(key)
            _ = try? reader.stringList(key, allowSingle: true)
            _ = try? reader.mapping(key)
        }
        _ = reader.unknownKeys(allowed: ["name", "tests"]).map(\.description)
    }
    return 0
}
