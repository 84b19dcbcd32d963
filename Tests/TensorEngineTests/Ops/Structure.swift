import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Triangles, diagonals, `trace`, `roll`, `rot90`, broadcasting, `meshgrid`, `einsum`,
    /// `tensordot`, `kron`, `cross`, `baddbmm`/`addmv`/`addr`, `cdist`, `index_add`/`index_copy`.
    @Suite struct Structure {
        static let cases = OpFixtures.load("structure")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 140) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let structure: [String: OpFn] = [
        "tril": { x, a in T(try x[0].tril(a.int("k") ?? 0)) },
        "triu": { x, a in T(try x[0].triu(a.int("k") ?? 0)) },
        "tril_": { x, a in T(try x[0].tril_(a.int("k") ?? 0)) },
        "triu_": { x, a in T(try x[0].triu_(a.int("k") ?? 0)) },
        "tril_indices": { _, a in T(try Tensor.trilIndices(a.int("r")!, a.int("c")!, offset: a.int("k") ?? 0)) },
        "triu_indices": { _, a in T(try Tensor.triuIndices(a.int("r")!, a.int("c")!, offset: a.int("k") ?? 0)) },
        "diag": { x, a in T(try x[0].diag(a.int("k") ?? 0)) },
        "diagonal": { x, a in T(try x[0].diagonal(offset: a.int("k") ?? 0, dim1: a.int("d1") ?? 0, dim2: a.int("d2") ?? 1)) },
        "diag_embed": { x, a in T(try x[0].diagEmbed(offset: a.int("k") ?? 0, dim1: a.int("d1") ?? -2, dim2: a.int("d2") ?? -1)) },
        "trace": { x, _ in T(try x[0].trace()) },
        "roll": { x, a in
            let shifts: [Int] = switch a.intOrInts("shifts")! { case .left(let s): [s]; case .right(let s): s }
            let dims: [Int] = switch a.intOrInts("dims") { case .left(let d)?: [d]; case .right(let d)?: d; case nil: [] }
            return T(try x[0].roll(shifts, dims: dims))
        },
        "rot90": { x, a in T(try x[0].rot90(a.int("k") ?? 1, dims: a.ints("dims") ?? [0, 1])) },
        "broadcast_to": { x, a in T(try x[0].broadcastTo(a.ints("shape")!)) },
        "broadcast_tensors": { x, _ in Ts(try Tensor.broadcastTensors(x)) },
        "meshgrid": { x, a in Ts(try Tensor.meshgrid(x, indexing: a.string("indexing")!)) },
        "cartesian_prod": { x, _ in T(try Tensor.cartesianProd(x)) },
        "atleast_1d": { x, _ in T(try x[0].atleast1d()) },
        "atleast_2d": { x, _ in T(try x[0].atleast2d()) },
        "atleast_3d": { x, _ in T(try x[0].atleast3d()) },
        "einsum": { x, a in T(try Tensor.einsum(a.string("eq")!, x)) },
        "tensordot": { x, a in
            if let n = a.int("dims") { return T(try x[0].tensordot(x[1], dims: n)) }
            let pair = a.json["dims"]!.array
            return T(try x[0].tensordot(x[1], dims: pair[0].ints, pair[1].ints))
        },
        "kron": { x, _ in T(try x[0].kron(x[1])) },
        "cross": { x, a in T(try x[0].cross(x[1], dim: a.int("dim") ?? -1)) },
        "baddbmm": { x, a in
            T(try Tensor.baddbmm(x[0], x[1], x[2], beta: a.scalar("beta") ?? .int(1), alpha: a.scalar("alpha") ?? .int(1)))
        },
        "addmv": { x, a in
            T(try Tensor.addmv(x[0], x[1], x[2], beta: a.scalar("beta") ?? .int(1), alpha: a.scalar("alpha") ?? .int(1)))
        },
        "addr": { x, a in
            T(try Tensor.addr(x[0], x[1], x[2], beta: a.scalar("beta") ?? .int(1), alpha: a.scalar("alpha") ?? .int(1)))
        },
        "cdist": { x, a in T(try Tensor.cdist(x[0], x[1], p: a.double("p") ?? 2)) },
        "index_add": { x, a in T(try x[0].indexAdd(a.int("dim")!, x[1], x[2], alpha: a.scalar("alpha") ?? .int(1))) },
        "index_add_": { x, a in T(try x[0].indexAdd_(a.int("dim")!, x[1], x[2], alpha: a.scalar("alpha") ?? .int(1))) },
        "index_copy": { x, a in T(try x[0].indexCopy(a.int("dim")!, x[1], x[2])) },
        "index_copy_": { x, a in T(try x[0].indexCopy_(a.int("dim")!, x[1], x[2])) },
    ]
}
