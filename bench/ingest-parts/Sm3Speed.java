
import com.sun.jna.*;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.*;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * SM3 throughput without JMH (docs/benchmarks.md, "Digests in parallel"): BouncyCastle's SM3Digest, a
 * hand-unrolled pure-Java SM3 (tried, not kept), and OpenSSL's libcrypto through JNA (what the
 * application uses), 1 MiB updates, first pass over all four as warm-up, then the same again.
 * Run: bench/ingest-parts.sh [MiB per run]
 */
public class Sm3Speed {
  public interface Crypto extends Library {
    Pointer EVP_get_digestbyname(String name);
    Pointer EVP_MD_CTX_new();
    int EVP_DigestInit_ex(Pointer ctx, Pointer md, Pointer engine);
    int EVP_DigestUpdate(Pointer ctx, Pointer data, long n);
    int EVP_DigestUpdate(Pointer ctx, byte[] data, long n);
    int EVP_DigestFinal_ex(Pointer ctx, byte[] out, int[] len);
  }
  interface H { void update(byte[] b, int off, int len); byte[] fin(); }
  static Crypto C;
  static H bc() { SM3Digest d = new SM3Digest(); return new H() { public void update(byte[] b,int o,int l){d.update(b,o,l);} public byte[] fin(){byte[] r=new byte[32]; d.doFinal(r,0); return r;} }; }
  static H mine() { Sm3 d = new Sm3(); return new H() { public void update(byte[] b,int o,int l){d.update(b,o,l);} public byte[] fin(){return d.digest();} }; }
  static H jna(boolean direct) {
    Pointer md = C.EVP_get_digestbyname("SM3"); Pointer ctx = C.EVP_MD_CTX_new(); C.EVP_DigestInit_ex(ctx, md, null);
    Memory mem = new Memory(1 << 20);
    return new H() { public void update(byte[] b,int o,int l){ if (direct) { mem.write(0,b,o,l); C.EVP_DigestUpdate(ctx, mem, l);} else { if (o!=0) throw new IllegalStateException(); C.EVP_DigestUpdate(ctx, b, l);} }
      public byte[] fin(){ byte[] r=new byte[32]; C.EVP_DigestFinal_ex(ctx,r,new int[1]); C.EVP_DigestInit_ex(ctx, md, null); return r;} };
  }
  public static void main(String[] a) {
    C = Native.load("crypto", Crypto.class);
    Random rnd = new Random(1);
    // correctness
    byte[] abc = "abc".getBytes(); H m = mine(); m.update(abc,0,3); System.out.println("abc " + HexFormat.of().formatHex(m.fin()));
    byte[] x = "abcd".repeat(16).getBytes(); m.update(x,0,64); System.out.println("abcd*16 " + HexFormat.of().formatHex(m.fin()));
    for (int len : new int[]{0,1,55,56,63,64,65,127,128,1000,100000}) { byte[] b=new byte[len]; rnd.nextBytes(b); H p=bc(),q=mine(),r=jna(true); p.update(b,0,len); q.update(b,0,len); r.update(b,0,len);
      byte[] pp=p.fin(); if(!Arrays.equals(pp,q.fin())||!Arrays.equals(pp,r.fin())) System.out.println("MISMATCH " + len); }
    byte[] buf = new byte[1 << 20]; rnd.nextBytes(buf);
    int mib = Integer.parseInt(a.length > 0 ? a[0] : "256");
    for (String name : new String[]{"bc","pure-java","jna-mem","jna-array","bc","pure-java","jna-mem","jna-array"}) {
      List<Double> rates = new ArrayList<>();
      for (int run = 0; run < 5; run++) {
        H h = switch (name) { case "bc" -> bc(); case "pure-java" -> mine(); case "jna-mem" -> jna(true); default -> jna(false); };
        long t0 = System.nanoTime(); for (int i = 0; i < mib; i++) h.update(buf, 0, buf.length); h.fin(); long t1 = System.nanoTime();
        rates.add(mib / ((t1 - t0) / 1e9));
      }
      System.out.printf("%-10s MiB/s (5 runs, 1 MiB updates, %d MiB each): %s%n", name, mib, rates.stream().map(r -> String.format("%.0f", r)).toList());
    }
  }

  /**
   * SM3 (GB/T 32905-2016) in plain Java, tuned: 64 rounds unrolled four at a time with the registers
   * renamed instead of shifted (as OpenSSL's C does), big-endian VarHandle word loads, whole blocks from
   * the caller's array. Gives the standard's digests; measured no faster than BouncyCastle, so not kept.
   */
  static final class Sm3 {

    static final int DIGEST_LENGTH = 32;
    private static final int BLOCK = 64;
    private static final VarHandle BIG_ENDIAN_INT =
        MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_LONG =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int[] IV = {
        0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e};
    /** T_j rotated left by j mod 32, per round. */
    private static final int[] T = new int[64];

    static {
      for (int j = 0; j < 16; j++) {
        T[j] = Integer.rotateLeft(0x79cc4519, j);
      }
      for (int j = 16; j < 64; j++) {
        T[j] = Integer.rotateLeft(0x7a879d8a, j);
      }
    }

    private final int[] v = new int[8];
    private final int[] w = new int[68];
    private final byte[] pending = new byte[BLOCK];
    private int pendingLength;
    private long length;

    Sm3() {
      reset();
    }

    void reset() {
      System.arraycopy(IV, 0, v, 0, 8);
      pendingLength = 0;
      length = 0;
    }

    void update(byte[] in, int offset, int count) {
      length += count;
      if (pendingLength > 0) {
        int take = Math.min(count, BLOCK - pendingLength);
        System.arraycopy(in, offset, pending, pendingLength, take);
        pendingLength += take;
        offset += take;
        count -= take;
        if (pendingLength < BLOCK) {
          return;
        }
        compress(pending, 0);
        pendingLength = 0;
      }
      while (count >= BLOCK) {
        compress(in, offset);
        offset += BLOCK;
        count -= BLOCK;
      }
      if (count > 0) {
        System.arraycopy(in, offset, pending, 0, count);
        pendingLength = count;
      }
    }

    /** The digest of everything given since the last reset; resets. */
    byte[] digest() {
      long bits = length << 3;
      pending[pendingLength++] = (byte) 0x80;
      if (pendingLength > BLOCK - 8) {
        Arrays.fill(pending, pendingLength, BLOCK, (byte) 0);
        compress(pending, 0);
        pendingLength = 0;
      }
      Arrays.fill(pending, pendingLength, BLOCK - 8, (byte) 0);
      BIG_ENDIAN_LONG.set(pending, BLOCK - 8, bits);
      compress(pending, 0);
      byte[] out = new byte[DIGEST_LENGTH];
      for (int i = 0; i < 8; i++) {
        BIG_ENDIAN_INT.set(out, i * 4, v[i]);
      }
      reset();
      return out;
    }

    private static int p0(int x) {
      return x ^ Integer.rotateLeft(x, 9) ^ Integer.rotateLeft(x, 17);
    }

    private static int p1(int x) {
      return x ^ Integer.rotateLeft(x, 15) ^ Integer.rotateLeft(x, 23);
    }

    private void compress(byte[] in, int offset) {
      int[] w = this.w;
      for (int j = 0; j < 16; j++) {
        w[j] = (int) BIG_ENDIAN_INT.get(in, offset + 4 * j);
      }
      for (int j = 16; j < 68; j++) {
        w[j] = p1(w[j - 16] ^ w[j - 9] ^ Integer.rotateLeft(w[j - 3], 15))
            ^ Integer.rotateLeft(w[j - 13], 7) ^ w[j - 6];
      }
      int a = v[0];
      int b = v[1];
      int c = v[2];
      int d = v[3];
      int e = v[4];
      int f = v[5];
      int g = v[6];
      int h = v[7];
      // Each round: the new A is written over D and the new E over H, B and F are rotated in place;
      // the next round takes the registers renamed (d, a, b, c / h, e, f, g) instead of moving them.
      int a12;
      int ss1;
      int tt2;
      for (int j = 0; j < 16; j += 4) {
        a12 = Integer.rotateLeft(a, 12);
        ss1 = Integer.rotateLeft(a12 + e + T[j], 7);
        d += (a ^ b ^ c) + (ss1 ^ a12) + (w[j] ^ w[j + 4]);
        tt2 = (e ^ f ^ g) + h + ss1 + w[j];
        b = Integer.rotateLeft(b, 9);
        f = Integer.rotateLeft(f, 19);
        h = p0(tt2);

        a12 = Integer.rotateLeft(d, 12);
        ss1 = Integer.rotateLeft(a12 + h + T[j + 1], 7);
        c += (d ^ a ^ b) + (ss1 ^ a12) + (w[j + 1] ^ w[j + 5]);
        tt2 = (h ^ e ^ f) + g + ss1 + w[j + 1];
        a = Integer.rotateLeft(a, 9);
        e = Integer.rotateLeft(e, 19);
        g = p0(tt2);

        a12 = Integer.rotateLeft(c, 12);
        ss1 = Integer.rotateLeft(a12 + g + T[j + 2], 7);
        b += (c ^ d ^ a) + (ss1 ^ a12) + (w[j + 2] ^ w[j + 6]);
        tt2 = (g ^ h ^ e) + f + ss1 + w[j + 2];
        d = Integer.rotateLeft(d, 9);
        h = Integer.rotateLeft(h, 19);
        f = p0(tt2);

        a12 = Integer.rotateLeft(b, 12);
        ss1 = Integer.rotateLeft(a12 + f + T[j + 3], 7);
        a += (b ^ c ^ d) + (ss1 ^ a12) + (w[j + 3] ^ w[j + 7]);
        tt2 = (f ^ g ^ h) + e + ss1 + w[j + 3];
        c = Integer.rotateLeft(c, 9);
        g = Integer.rotateLeft(g, 19);
        e = p0(tt2);
      }
      for (int j = 16; j < 64; j += 4) {
        a12 = Integer.rotateLeft(a, 12);
        ss1 = Integer.rotateLeft(a12 + e + T[j], 7);
        d += ((a & b) | (a & c) | (b & c)) + (ss1 ^ a12) + (w[j] ^ w[j + 4]);
        tt2 = ((e & f) | (~e & g)) + h + ss1 + w[j];
        b = Integer.rotateLeft(b, 9);
        f = Integer.rotateLeft(f, 19);
        h = p0(tt2);

        a12 = Integer.rotateLeft(d, 12);
        ss1 = Integer.rotateLeft(a12 + h + T[j + 1], 7);
        c += ((d & a) | (d & b) | (a & b)) + (ss1 ^ a12) + (w[j + 1] ^ w[j + 5]);
        tt2 = ((h & e) | (~h & f)) + g + ss1 + w[j + 1];
        a = Integer.rotateLeft(a, 9);
        e = Integer.rotateLeft(e, 19);
        g = p0(tt2);

        a12 = Integer.rotateLeft(c, 12);
        ss1 = Integer.rotateLeft(a12 + g + T[j + 2], 7);
        b += ((c & d) | (c & a) | (d & a)) + (ss1 ^ a12) + (w[j + 2] ^ w[j + 6]);
        tt2 = ((g & h) | (~g & e)) + f + ss1 + w[j + 2];
        d = Integer.rotateLeft(d, 9);
        h = Integer.rotateLeft(h, 19);
        f = p0(tt2);

        a12 = Integer.rotateLeft(b, 12);
        ss1 = Integer.rotateLeft(a12 + f + T[j + 3], 7);
        a += ((b & c) | (b & d) | (c & d)) + (ss1 ^ a12) + (w[j + 3] ^ w[j + 7]);
        tt2 = ((f & g) | (~f & h)) + e + ss1 + w[j + 3];
        c = Integer.rotateLeft(c, 9);
        g = Integer.rotateLeft(g, 19);
        e = p0(tt2);
      }
      v[0] ^= a;
      v[1] ^= b;
      v[2] ^= c;
      v[3] ^= d;
      v[4] ^= e;
      v[5] ^= f;
      v[6] ^= g;
      v[7] ^= h;
    }
  }
}
