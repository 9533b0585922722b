package tokyo.shacl;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;

/**
 * Validates each data file against one shapes file with Jena SHACL and
 * prints one line per result, then a summary line per file:
 *   RESULT <file> <severity> <focus node> <path> <message>
 *   FILE <file> violations=N warnings=N infos=N
 * Exit status 0 when every file was read (results or not), 2 on a
 * shapes or data file Jena cannot read.
 */
public final class Validate {
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Validate SHAPES DATA...");
            System.exit(2);
        }
        Shapes shapes;
        try {
            shapes = Shapes.parse(RDFDataMgr.loadGraph(args[0]));
        } catch (RuntimeException e) {
            System.out.println("ERROR " + args[0] + " " + e.getMessage());
            System.exit(2);
            return;
        }
        int status = 0;
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            Graph data;
            try {
                data = RDFDataMgr.loadGraph(file);
            } catch (RuntimeException e) {
                System.out.println("ERROR " + file + " " + e.getMessage());
                status = 2;
                continue;
            }
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            int violations = 0, warnings = 0, infos = 0;
            for (ReportEntry entry : report.getEntries()) {
                String severity = entry.severity().level().getLocalName();
                switch (severity) {
                    case "Violation" -> violations++;
                    case "Warning" -> warnings++;
                    default -> infos++;
                }
                System.out.println("RESULT " + file + " " + severity + " " + entry.focusNode()
                        + " " + entry.resultPath() + " " + String.valueOf(entry.message()).replace('\n', ' '));
            }
            System.out.println("FILE " + file + " violations=" + violations + " warnings=" + warnings
                    + " infos=" + infos);
        }
        System.exit(status);
    }
}
