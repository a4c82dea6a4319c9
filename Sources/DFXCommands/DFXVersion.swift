/// dfx's version, printed by `dfx --version` and written into artifacts.
public enum DFXVersion {
    public static let current = "0.1.0"
}
