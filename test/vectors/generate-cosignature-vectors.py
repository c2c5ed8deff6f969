"""Generates test/vectors/cosignature-v1.json with an implementation independent of Parley's:
Python's `cryptography` (OpenSSL Ed25519) and hashlib, following c2sp.org/tlog-cosignature and
c2sp.org/tlog-witness as written. Run: python3 test/vectors/generate-cosignature-vectors.py
"""
import base64
import hashlib
import json
import struct
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

EM_DASH = "\u2014"


def seed_of(label: str) -> bytes:
    return hashlib.sha256(("parley test vector: witness/" + label).encode()).digest()


def public_of(seed: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(name: str, sig_type: int, public: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + bytes([sig_type]) + public).digest()[:4]


def vkey(name: str, sig_type: int, public: bytes) -> str:
    return f"{name}+{key_id(name, sig_type, public).hex()}+{base64.b64encode(bytes([sig_type]) + public).decode()}"


def note_line(name: str, payload: bytes) -> str:
    return f"{EM_DASH} {name} {base64.b64encode(payload).decode()}\n"


def cosign(seed: bytes, name: str, body: str, timestamp: int) -> str:
    message = f"cosignature/v1\ntime {timestamp}\n{body}".encode()
    signature = Ed25519PrivateKey.from_private_bytes(seed).sign(message)
    return note_line(name, key_id(name, 0x04, public_of(seed)) + struct.pack(">Q", timestamp) + signature)


def log_sign(seed: bytes, name: str, body: str) -> str:
    signature = Ed25519PrivateKey.from_private_bytes(seed).sign(body.encode())
    return body + "\n" + note_line(name, key_id(name, 0x01, public_of(seed)) + signature)


log_name = "parley.example/log"
log_seed = seed_of("log")
witness_a = ("witness.party-a.example/w1", seed_of("witness a"))
witness_b = ("witness.party-b.example/w1", seed_of("witness b"))
root = base64.b64encode(hashlib.sha256(b"root of a tree of 5").digest()).decode()
body = f"{log_name}\n5\n{root}\nkey-statements 2\n"
signed = log_sign(log_seed, log_name, body)
line_a = cosign(witness_a[1], witness_a[0], body, 1796600000)
line_b = cosign(witness_b[1], witness_b[0], body, 1796600001)
spec_body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
spec_line = cosign(witness_a[1], witness_a[0], spec_body, 1679315147)

payload_a = base64.b64decode(line_a.split(" ")[2])
tampered_time = note_line(witness_a[0], payload_a[:4] + struct.pack(">Q", 1796600099) + payload_a[12:])
truncated = note_line(witness_a[0], payload_a[:-1])
flipped = note_line(witness_a[0], payload_a[:20] + bytes([payload_a[20] ^ 1]) + payload_a[21:])
as_log_key = note_line(
    witness_a[0],
    key_id(witness_a[0], 0x01, public_of(witness_a[1]))
    + Ed25519PrivateKey.from_private_bytes(witness_a[1]).sign(body.encode()),
)

vectors = {
    "description": "C2SP tlog-cosignature Ed25519 cosignature/v1 lines over Parley checkpoints (with the key-statements extension line) and the spec's example body; witness verifier keys of type 0x04; negative partners.",
    "source": "test/vectors/generate-cosignature-vectors.py, from c2sp.org/tlog-cosignature and c2sp.org/signed-note as written; seeds SHA-256(\"parley test vector: witness/\" || label)",
    "checked_with": "Python cryptography (OpenSSL Ed25519) and hashlib, independent of libsodium and of shared/; Parley's shared/witness reproduces and verifies them in shared/witness/cosignature-vectors.test.ts",
    "generated_by": "python3 test/vectors/generate-cosignature-vectors.py",
    "log": {"name": log_name, "seedHex": log_seed.hex(), "verifierKey": vkey(log_name, 0x01, public_of(log_seed))},
    "witnesses": [
        {"name": n, "seedHex": s.hex(), "verifierKey": vkey(n, 0x04, public_of(s)), "keyIdHex": key_id(n, 0x04, public_of(s)).hex()}
        for n, s in (witness_a, witness_b)
    ],
    "valid": [
        {"label": "Parley checkpoint cosigned by witness a", "body": body, "timestamp": 1796600000, "witness": 0, "line": line_a},
        {"label": "Parley checkpoint cosigned by witness b", "body": body, "timestamp": 1796600001, "witness": 1, "line": line_b},
        {"label": "the spec's example body at the spec's example time", "body": spec_body, "timestamp": 1679315147, "witness": 0, "line": spec_line},
    ],
    "cosignedNote": signed + line_a + line_b,
    "invalid": [
        {"label": "timestamp changed after signing", "body": body, "witness": 0, "line": tampered_time},
        {"label": "payload one byte short", "body": body, "witness": 0, "line": truncated},
        {"label": "one signature bit flipped", "body": body, "witness": 0, "line": flipped},
        {"label": "body changed (the extension line)", "body": body.replace("key-statements 2", "key-statements 3"), "witness": 0, "line": line_a},
        {"label": "a plain note signature (type 0x01 key ID, no timestamp) by the witness key", "body": body, "witness": 0, "line": as_log_key, "ignored": True},
    ],
}
out = Path(__file__).with_name("cosignature-v1.json")
out.write_text(json.dumps(vectors, indent=2, ensure_ascii=False) + "\n")
print(f"wrote {out}")
