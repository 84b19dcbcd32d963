/// The pickle opcodes the tutor reads and writes: the protocol 2 subset that `torch.save`
/// emits and PyTorch's `weights_only` unpickler accepts.
/// Reference: CPython's `Lib/pickletools.py`.
enum PickleOpcode: UInt8 {
    case mark = 0x28            // (  push a mark
    case stop = 0x2E            // .  end of the pickle
    case binInt = 0x4A          // J  4-byte signed int
    case binInt1 = 0x4B         // K  1-byte unsigned int
    case binInt2 = 0x4D         // M  2-byte unsigned int
    case none = 0x4E            // N
    case binPersID = 0x51       // Q  persistent id from the stack
    case reduce = 0x52          // R  call a callable with an argument tuple
    case shortBinString = 0x55  // U  bytes with a 1-byte length (read as text)
    case binUnicode = 0x58      // X  UTF-8 string with a 4-byte length
    case append = 0x61          // a
    case build = 0x62           // b  set an object's state
    case global = 0x63          // c  module\nname\n
    case appends = 0x65         // e
    case binFloat = 0x47        // G  8-byte big-endian double
    case binGet = 0x68          // h  1-byte memo index
    case longBinGet = 0x6A      // j  4-byte memo index
    case binPut = 0x71          // q
    case longBinPut = 0x72      // r
    case setItem = 0x73         // s
    case tuple = 0x74           // t
    case setItems = 0x75        // u
    case emptyDict = 0x7D       // }
    case emptyList = 0x5D       // ]
    case emptyTuple = 0x29      // )
    case proto = 0x80
    case newObj = 0x81
    case tuple1 = 0x85
    case tuple2 = 0x86
    case tuple3 = 0x87
    case newTrue = 0x88
    case newFalse = 0x89
    case long1 = 0x8A           // little-endian two's complement with a 1-byte length

    /// Whether `byte` is an opcode of any pickle protocol (0 to 5), supported here or not.
    static func isPickleOpcode(_ byte: UInt8) -> Bool {
        if (0x80...0x98).contains(byte) { return true }
        return Array("(.012FIJKLMNPQRSTUVXabcdeghijlopqrstu}])GBC".utf8).contains(byte)
    }
}
