import XCTest

final class DFXProjectTestsPlaceholder: XCTestCase {}
