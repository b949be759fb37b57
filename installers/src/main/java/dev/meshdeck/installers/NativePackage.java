package dev.meshdeck.installers;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds MeshDeck's self-contained application and installer with the JDK's own tools, in four steps:
 *
 * <ol>
 *   <li>jdeps lists the JDK and JavaFX modules that the app's jars use;</li>
 *   <li>jlink makes a runtime of only those modules (plus {@code --extra-modules}), JavaFX on the module path,
 *       without debug attributes, man pages, headers or command-line tools, compressed, with a class-data-sharing
 *       archive of the JDK's classes (the JVM maps them instead of loading them at every start); JavaFX's native
 *       libraries are moved into the runtime's library folder so nothing is unpacked into the user's home at start;</li>
 *   <li>jpackage makes the app-image ({@code <dest>/app-image/<name>}) from the thin jars on the class path;</li>
 *   <li>jpackage turns the app-image into the installer of {@code --type} (deb, rpm, msi, exe, dmg, pkg;
 *       {@code auto} picks deb, msi or dmg for this OS; {@code app-image} stops after step 3).</li>
 * </ol>
 *
 * <p>Everything that describes the application (name, vendor, description, licence, icon, shortcuts) lives in
 * jpackage argument files under {@code --config}: {@code app.args} and {@code package.args} for every platform,
 * {@code app-<os>.args} and {@code package-<os>.args} for one ({@code os} is linux, windows or mac), and an
 * optional resource folder {@code <os>/} (desktop entry, maintainer scripts). Paths in them are relative to
 * the working directory, which is the module's {@code target/}.
 */
public final class NativePackage {

    private final Path lib;
    private final Path javafx;
    private final Path config;
    private final Path dest;
    private final String version;
    private final String type;
    private final List<String> extraModules;
    private final String os;
    private final int compress;
    private final boolean storeJars;

    NativePackage(Path lib, Path javafx, Path config, Path dest, String version, String type,
                  List<String> extraModules, int compress, boolean storeJars) {
        this.compress = compress;
        this.storeJars = storeJars;
        this.lib = lib;
        this.javafx = javafx;
        this.config = config;
        this.dest = dest;
        this.version = version;
        this.os = currentOs();
        this.type = "auto".equals(type) || type.isBlank() ? defaultType(os) : type;
        this.extraModules = extraModules;
    }

    public static void main(String[] args) throws Exception {
        if (args.length % 2 != 0) {
            usage("every option takes a value");
        }
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--lib", "--javafx", "--config", "--dest", "--version")) {
            if (!o.containsKey(required)) {
                usage("missing " + required);
            }
        }
        String extra = o.getOrDefault("--extra-modules", "");
        new NativePackage(Path.of(o.get("--lib")), Path.of(o.get("--javafx")), Path.of(o.get("--config")),
                Path.of(o.get("--dest")), o.get("--version"), o.getOrDefault("--type", "auto"),
                extra.isBlank() ? List.of() : Arrays.asList(extra.split(",")),
                Integer.parseInt(o.getOrDefault("--compress", "0")),
                Boolean.parseBoolean(o.getOrDefault("--store-jars", "true"))).build();
    }

    private static void usage(String problem) {
        System.err.println("NativePackage: " + problem);
        System.err.println("usage: NativePackage --lib DIR --javafx DIR --config DIR --dest DIR --version V"
                + " [--type auto|app-image|deb|rpm|msi|exe|dmg|pkg] [--extra-modules m1,m2]"
                + " [--compress 0|1|2] [--store-jars true|false]");
        System.exit(2);
    }

    void build() throws IOException {
        Path modulePath = javafxModules();
        String modules = modules(modulePath);
        Path runtime = runtime(modulePath, modules);
        Path appImage = appImage(runtime, storeJars ? storedJars() : lib);
        if (!"app-image".equals(type)) {
            installer(appImage);
        }
    }

    /** The JavaFX jars that are modules for this platform; the empty, classifier-less jars are left out. */
    private Path javafxModules() throws IOException {
        Path dir = dest.resolve("jpackage/javafx-modules");
        deleteTree(dir);
        Files.createDirectories(dir);
        try (Stream<Path> jars = Files.list(javafx)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry("module-info.class") != null) {
                        Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return dir;
    }

    /** jdeps over the app's own jars, with every dependency on the class path and JavaFX on the module path. */
    private String modules(Path modulePath) throws IOException {
        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps",
                "--multi-release", String.valueOf(Runtime.version().feature()),
                "--module-path", modulePath.toString(),
                "--class-path", lib.resolve("*").toString()));
        try (Stream<Path> jars = Files.list(lib)) {
            jars.map(Path::toString).filter(n -> n.endsWith(".jar")).sorted().forEach(args::add);
        }
        String out = run("jdeps", args, true).strip();
        String last = out.lines().reduce((a, b) -> b).orElse("");
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(last.split(",")));
        if (!modules.contains("java.base")) {
            throw new IllegalStateException("jdeps printed no module list:\n" + out);
        }
        System.out.println("[installers] modules from jdeps: " + String.join(",", modules));
        modules.addAll(extraModules);
        return String.join(",", modules);
    }

    private Path runtime(Path modulePath, String modules) throws IOException {
        Path runtime = dest.resolve("jpackage/runtime");
        deleteTree(runtime);
        List<String> args = new ArrayList<>(List.of(
                "--module-path", modulePath.toString(),
                "--add-modules", modules,
                // --generate-cds-archive runs the image's own bin/java, so --strip-native-commands cannot come with it
                "--strip-debug", "--no-man-pages", "--no-header-files", "--generate-cds-archive",
                "--compress=" + compress,
                "--output", runtime.toString()));
        if ("linux".equals(os)) {
            // loaded from the runtime's lib/ (below), so the copies inside the modules are dead weight
            args.add("--exclude-resources=glob:/javafx.*/*.so");
        }
        run("jlink", args, false);
        stripNativeCommands(runtime);
        relocateJavaFxNatives(modulePath, runtime);
        System.out.println("[installers] runtime " + modules + " -> " + runtime + " (" + megabytes(size(runtime)) + ")");
        return runtime;
    }

    /** The JDK's tools (java, keytool, ...): the app's launcher does not use them. Windows keeps its DLLs in bin. */
    private void stripNativeCommands(Path runtime) throws IOException {
        Path bin = runtime.resolve("bin");
        if (!"windows".equals(os)) {
            deleteTree(bin);
            return;
        }
        try (Stream<Path> files = Files.list(bin)) {
            for (Path tool : files.filter(f -> f.toString().endsWith(".exe")).toList()) {
                Files.delete(tool);
            }
        }
    }

    /**
     * JavaFX looks for its native libraries in the runtime's own library folder before it unpacks them from the
     * module into {@code ~/.openjfx/cache}: put them there.
     */
    private void relocateJavaFxNatives(Path modulePath, Path runtime) throws IOException {
        Path target = runtime.resolve("windows".equals(os) ? "bin" : "lib");
        try (Stream<Path> jars = Files.list(modulePath)) {
            for (Path jar : jars.sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry entry : zip.stream().toList()) {
                        String name = entry.getName();
                        if (!name.contains("/") && (name.endsWith(".so") || name.endsWith(".dll")
                                || name.endsWith(".dylib"))) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The class path's jars rewritten without compression (same entries, same bytes, same order). The
     * installer's own compression (xz for .deb) then works across all of them: the .deb shrinks by more
     * than half, and classes load without inflating. Costs disk space once installed.
     */
    private Path storedJars() throws IOException {
        Path out = dest.resolve("jpackage/lib-stored");
        deleteTree(out);
        Files.createDirectories(out);
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.sorted().toList()) {
                Path target = out.resolve(jar.getFileName());
                if (!jar.toString().endsWith(".jar")) {
                    Files.copy(jar, target);
                    continue;
                }
                try (ZipFile zip = new ZipFile(jar.toFile());
                     ZipOutputStream stored = new ZipOutputStream(Files.newOutputStream(target))) {
                    stored.setMethod(ZipOutputStream.STORED);
                    for (ZipEntry entry : zip.stream().toList()) {
                        byte[] data;
                        try (InputStream in = zip.getInputStream(entry)) {
                            data = in.readAllBytes();
                        }
                        CRC32 crc = new CRC32();
                        crc.update(data);
                        ZipEntry copy = new ZipEntry(entry.getName());
                        copy.setMethod(ZipEntry.STORED);
                        copy.setSize(data.length);
                        copy.setCompressedSize(data.length);
                        copy.setCrc(crc.getValue());
                        copy.setTime(entry.getTime());
                        stored.putNextEntry(copy);
                        stored.write(data);
                        stored.closeEntry();
                    }
                }
            }
        }
        return out;
    }

    private Path appImage(Path runtime, Path input) throws IOException {
        Path out = dest.resolve("app-image");
        deleteTree(out);
        List<String> args = new ArrayList<>(List.of("--type", "app-image",
                "@" + config.resolve("app.args"), "@" + config.resolve("app-" + os + ".args"),
                "--input", input.toString(),
                "--runtime-image", runtime.toString(),
                "--app-version", numericVersion(version),
                "--dest", out.toString()));
        run("jpackage", args, false);
        try (Stream<Path> images = Files.list(out)) {
            Path image = images.findFirst().orElseThrow(() -> new IllegalStateException("jpackage made no app-image"));
            System.out.println("[installers] app-image " + image + " (" + megabytes(size(image)) + ")");
            return image;
        }
    }

    private void installer(Path appImage) throws IOException {
        try (Stream<Path> old = Files.list(dest)) {
            for (Path p : old.filter(f -> f.getFileName().toString().endsWith("." + type)).toList()) {
                Files.delete(p); // jpackage does not overwrite
            }
        }
        List<String> args = new ArrayList<>(List.of("--type", type,
                "@" + config.resolve("package.args"), "@" + config.resolve("package-" + os + ".args"),
                "--app-image", appImage.toString(),
                "--app-version", numericVersion(version),
                "--dest", dest.toString()));
        Path resources = config.resolve(os);
        if (Files.isDirectory(resources)) {
            args.addAll(List.of("--resource-dir", resources.toString()));
        }
        run("jpackage", args, false);
        try (Stream<Path> files = Files.list(dest)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith("." + type)).toList()) {
                System.out.println("[installers] " + type + " " + p + " (" + megabytes(Files.size(p)) + ")");
            }
        }
    }

    /** jpackage wants up to three numbers: 0.1.0-SNAPSHOT becomes 0.1.0. */
    static String numericVersion(String version) {
        String numeric = version.replaceFirst("[^0-9.].*$", "").replaceAll("\\.+$", "");
        String[] parts = numeric.split("\\.");
        if (numeric.isEmpty()) {
            throw new IllegalArgumentException("version " + version + " does not start with a number");
        }
        return String.join(".", Arrays.copyOf(parts, Math.min(parts.length, 3)));
    }

    static String currentOs() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            return "windows";
        }
        if (name.contains("mac")) {
            return "mac";
        }
        return "linux";
    }

    static String defaultType(String os) {
        return switch (os) {
            case "windows" -> "msi";
            case "mac" -> "dmg";
            default -> "deb";
        };
    }

    private static String run(String tool, List<String> args, boolean capture) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                tool + " is not in this JDK (" + System.getProperty("java.home") + "); build with a full JDK 17+"));
        String line = String.join(" ", args);
        System.out.println("[installers] " + tool + " "
                + (line.length() > 400 ? line.substring(0, 400) + " ... (" + args.size() + " arguments)" : line));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = capture ? new PrintWriter(out) : new PrintWriter(System.out, true);
        int code = provider.run(outWriter, new PrintWriter(err), args.toArray(String[]::new));
        outWriter.flush();
        if (code != 0) {
            throw new IllegalStateException(tool + " failed with exit code " + code + ":\n" + out + err);
        }
        if (!err.toString().isBlank()) {
            System.err.print(err);
        }
        return out.toString();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
