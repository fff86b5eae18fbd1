#!/usr/bin/env python3
"""Writes the encryption-variant fixtures of TestReadEncrypted from
testdata/pdf/fpdf/seed-000.pdf (run from the repository root; needs qpdf):

  aes256-empty-passwords.pdf  qpdf --encrypt "" "" 256 (revision 6, both passwords empty)
  aes128-owner-only.pdf       qpdf --encrypt "" owner 128 --use-aes=y (revision 4)
  aes128-indirect-cf.pdf      as aes128-owner-only, with /CF an indirect object
  identity-crypt-filters.pdf  revision 4 with /StmF and /StrF /Identity: nothing is
                              encrypted, but the file has an /Encrypt dictionary
                              (empty user password, owner password "owner")

The first two were made by hand with the qpdf commands shown; this script
makes the other two. Each object is rewritten with a fresh cross-reference
table, so the files are valid."""
import hashlib, re, subprocess, sys, tempfile, os

SRC = "testdata/pdf/fpdf/seed-000.pdf"
OUT = "internal/pdftext/testdata/"
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")

def rc4(key, data):
    s = list(range(256)); j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256; s[i], s[j] = s[j], s[i]
    out = bytearray(); i = j = 0
    for c in data:
        i = (i + 1) % 256; j = (j + s[i]) % 256; s[i], s[j] = s[j], s[i]
        out.append(c ^ s[(s[i] + s[j]) % 256])
    return bytes(out)

def objects(pdf):
    """The objects of an uncompressed PDF without object streams, and its trailer."""
    objs = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(?s)(?:^|\n)(\d+) 0 obj\s*(.*?)\s*endobj", pdf)}
    trailer = re.search(rb"(?s)trailer\s*<<(.*?)>>\s*startxref", pdf).group(1)
    return objs, trailer

def write(path, objs, trailer):
    out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    n = max(objs) + 1
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objs[num])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % n
    for num in range(1, n):
        out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
    trailer = re.sub(rb"/Size \d+", b"/Size %d" % n, trailer)
    out += b"trailer\n<<%s>>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    open(path, "wb").write(bytes(out))

def qpdf(*args):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.pdf")
        subprocess.run(["qpdf", *args, "--", "--object-streams=disable", "--stream-data=preserve", SRC, out], check=True)
        return open(out, "rb").read()

def indirect_cf():
    objs, trailer = objects(qpdf("--encrypt", "", "owner", "128", "--use-aes=y"))
    enc = int(re.search(rb"/Encrypt (\d+) 0 R", trailer).group(1))
    cf = re.search(rb"/CF (<<\s*/StdCF\s*<<.*?>>\s*>>)", objs[enc])
    new = max(objs) + 1
    objs[new] = cf.group(1)
    objs[enc] = objs[enc].replace(cf.group(0), b"/CF %d 0 R" % new)
    write(OUT + "aes128-indirect-cf.pdf", objs, trailer)

def identity():
    objs, trailer = objects(qpdf())
    file_id = hashlib.md5(b"referat identity crypt filters").digest()
    # Algorithm 3 (O) and 5 (U) of PDF 32000-1 §7.6.3.4, revision 4, 128-bit key.
    okey = hashlib.md5(b"owner" + PAD[:27]).digest()
    for _ in range(50):
        okey = hashlib.md5(okey).digest()
    o = rc4(okey, PAD)
    for i in range(1, 20):
        o = rc4(bytes(b ^ i for b in okey), o)
    p = -4
    key = hashlib.md5(PAD + o + p.to_bytes(4, "little", signed=True) + file_id).digest()
    for _ in range(50):
        key = hashlib.md5(key).digest()
    u = rc4(key, hashlib.md5(PAD + file_id).digest())
    for i in range(1, 20):
        u = rc4(bytes(b ^ i for b in key), u)
    u += bytes(16)
    new = max(objs) + 1
    objs[new] = (b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> "
                 b"/StmF /Identity /StrF /Identity /O <%s> /U <%s> /P %d >>" % (o.hex().encode(), u.hex().encode(), p))
    trailer = re.sub(rb"/ID\s*\[.*?\]", b"", trailer)
    trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>] " % (new, file_id.hex().encode(), file_id.hex().encode())
    write(OUT + "identity-crypt-filters.pdf", objs, trailer)

if __name__ == "__main__":
    indirect_cf()
    identity()
