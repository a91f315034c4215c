import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Packs the app's icons (src/main/resources/dev/tower/app/tower-{32,64,256}.png, drawn by
 * assets/TowerIcon.java) into the files jpackage wants on each platform: tower.png (Linux), tower.ico
 * (Windows: PNG entries, allowed since Vista) and tower.icns (macOS: PNG entries). Run from the repository:
 * java installer/icons/IconFiles.java
 */
public class IconFiles {
    public static void main(String[] args) throws IOException {
        Path from = Path.of("src/main/resources/dev/tower/app");
        Path to = Path.of("installer/icons");
        int[] sizes = {32, 64, 256};
        byte[][] pngs = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            pngs[i] = Files.readAllBytes(from.resolve("tower-" + sizes[i] + ".png"));
        }
        Files.write(to.resolve("tower.png"), pngs[2]);
        Files.write(to.resolve("tower.ico"), ico(sizes, pngs));
        Files.write(to.resolve("tower.icns"), icns(pngs));
    }

    static byte[] ico(int[] sizes, byte[][] pngs) {
        int offset = 6 + 16 * sizes.length;
        int total = offset;
        for (byte[] png : pngs) total += png.length;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            b.put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) (sizes[i] >= 256 ? 0 : sizes[i]));
            b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            b.putInt(pngs[i].length).putInt(offset);
            offset += pngs[i].length;
        }
        for (byte[] png : pngs) b.put(png);
        return b.array();
    }

    /** icp5 = 32 px, icp6 = 64 px, ic08 = 256 px, each a PNG. */
    static byte[] icns(byte[][] pngs) throws IOException {
        String[] types = {"icp5", "icp6", "ic08"};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (int i = 0; i < pngs.length; i++) {
            out.writeBytes(types[i]);
            out.writeInt(8 + pngs[i].length);
            out.write(pngs[i]);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream head = new DataOutputStream(file);
        head.writeBytes("icns");
        head.writeInt(8 + body.size());
        head.write(body.toByteArray());
        return file.toByteArray();
    }
}
