import XCTest

final class DFXCompilerTestsPlaceholder: XCTestCase {}
