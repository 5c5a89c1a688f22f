import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Checks the per-platform jars that {@code ./mvnw -Pplatform-jars package} builds: each names the
 * launcher as its main class and carries JavaFX's natives for its own OS and CPU, read from the
 * binaries' headers (ELF e_machine, PE machine, Mach-O cputype), and none of another platform's.
 * Run with the JDK's source launcher: {@code java .ci/CheckPlatformJars.java target/platform}.
 */
public final class CheckPlatformJars {

    private record Platform(String extension, String cpu) {
    }

    private static final Map<String, Platform> PLATFORMS = Map.of(
            "linux-x64", new Platform(".so", "x86-64"),
            "linux-aarch64", new Platform(".so", "aarch64"),
            "windows-x64", new Platform(".dll", "x86-64"),
            "macos-x64", new Platform(".dylib", "x86-64"),
            "macos-aarch64", new Platform(".dylib", "aarch64"));

    /** Natives without which the window cannot open (prefix without lib, no extension). */
    private static final List<String> REQUIRED = List.of("glass", "prism_sw", "javafx_font");

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/platform");
        List<String> problems = new ArrayList<>();
        for (var entry : PLATFORMS.entrySet()) {
            Path jar = folder.resolve("activation-lab-" + entry.getKey() + ".jar");
            if (!Files.isRegularFile(jar)) {
                problems.add(jar + ": missing");
                continue;
            }
            problems.addAll(check(jar, entry.getValue()));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("FAIL " + p));
            System.exit(1);
        }
        System.out.println("platform jars: all " + PLATFORMS.size() + " carry their own natives");
    }

    private static List<String> check(Path jarPath, Platform platform) throws IOException {
        List<String> problems = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            String main = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue("Main-Class");
            if (!"org.activationlab.app.Launcher".equals(main)) {
                problems.add(jarPath + ": Main-Class is " + main);
            }
            List<String> found = new ArrayList<>();
            for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                String name = e.getName();
                boolean nativeLibrary = name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib");
                if (!nativeLibrary || name.contains("/")) {
                    continue;
                }
                if (!name.endsWith(platform.extension())) {
                    problems.add(jarPath + ": " + name + " belongs to another OS");
                    continue;
                }
                String cpu;
                try (InputStream in = jar.getInputStream(e)) {
                    cpu = cpuOf(in.readNBytes(4096));
                }
                if (!platform.cpu().equals(cpu)) {
                    problems.add(jarPath + ": " + name + " is for " + cpu + ", not " + platform.cpu());
                }
                found.add(name.replaceFirst("^lib", "").replaceFirst("\\.[a-z]+$", ""));
            }
            for (String required : REQUIRED) {
                if (!found.contains(required)) {
                    problems.add(jarPath + ": no " + required + platform.extension());
                }
            }
            System.out.println(jarPath.getFileName() + ": " + found.size() + " natives for "
                    + platform.cpu() + " " + platform.extension());
        }
        return problems;
    }

    private static String cpuOf(byte[] header) {
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (header.length >= 20 && header[0] == 0x7f && header[1] == 'E' && header[2] == 'L' && header[3] == 'F') {
            return switch (b.getShort(18)) {
                case 0x3E -> "x86-64";
                case 0xB7 -> "aarch64";
                default -> "ELF machine " + b.getShort(18);
            };
        }
        if (header.length >= 0x40 && header[0] == 'M' && header[1] == 'Z') {
            int pe = b.getInt(0x3C);
            if (pe + 6 <= header.length && b.getInt(pe) == 0x00004550) {
                int machine = b.getShort(pe + 4) & 0xffff;
                return switch (machine) {
                    case 0x8664 -> "x86-64";
                    case 0xAA64 -> "aarch64";
                    default -> "PE machine " + Integer.toHexString(machine);
                };
            }
        }
        if (header.length >= 8 && b.getInt(0) == 0xFEEDFACF) {
            return switch (b.getInt(4)) {
                case 0x01000007 -> "x86-64";
                case 0x0100000C -> "aarch64";
                default -> "Mach-O cputype " + Integer.toHexString(b.getInt(4));
            };
        }
        return "unknown format";
    }
}
