import XCTest

final class DFXAdapterTestsPlaceholder: XCTestCase {}
