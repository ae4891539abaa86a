import java.io.File;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.commons.lang.StringEscapeUtils;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.log.NullLogChute;

/**
 * Reference side of the VTL conformance suite: renders API Gateway mapping templates with Apache
 * Velocity 1.7 (default settings) against the object model the project's JS renderer imitates.
 *
 * Usage: java VtlHarness cases.json results.json
 *
 * cases.json is a JSON array of { name, template, request } (request as in src/vtl/vtl-request.ts);
 * results.json receives a JSON array of { name, output?, statusOverride?, headerOverrides?, error? },
 * one entry per case in the same order. A case that fails to render is reported with its error
 * message; it does not stop the run.
 */
public final class VtlHarness {
  /** Parses bodies and `$util.parseJson`: Jackson defaults (Integer/Long/BigInteger, Double, LinkedHashMap, ArrayList). */
  static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the results file: ASCII only, so any string (even a lone surrogate) survives the trip. */
  static final ObjectMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private VtlHarness() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java VtlHarness <cases.json> <results.json>");
      System.exit(2);
    }
    List<?> cases = JSON.readValue(new File(args[0]), List.class);

    VelocityEngine engine = new VelocityEngine();
    // Only the log output is changed; every other setting is Velocity's default.
    engine.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, NullLogChute.class.getName());
    engine.init();

    List<Map<String, Object>> results = new ArrayList<>();
    for (Object item : cases) {
      Map<?, ?> c = (Map<?, ?>) item;
      String name = String.valueOf(c.get("name"));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("name", name);
      try {
        render(engine, (String) c.get("template"), asMap(c.get("request")), result);
      } catch (Throwable e) {
        result.clear();
        result.put("name", name);
        result.put("error", describe(e));
      }
      results.add(result);
    }
    Files.write(new File(args[1]).toPath(), ASCII_JSON.writeValueAsString(results).getBytes(StandardCharsets.US_ASCII));
  }

  static void render(VelocityEngine engine, String template, Map<?, ?> request, Map<String, Object> result) {
    Object bodyValue = request.get("body");
    String body = bodyValue == null ? "" : bodyValue.toString();

    Map<String, Object> responseOverride = new LinkedHashMap<>();
    responseOverride.put("header", new LinkedHashMap<String, Object>());
    Map<Object, Object> context = new LinkedHashMap<>(asMap(request.get("context")));
    context.put("responseOverride", responseOverride);

    VelocityContext vc = new VelocityContext();
    vc.put("input", new Input(body, asMap(request.get("path")), asMap(request.get("querystring")), asMap(request.get("header"))));
    vc.put("util", new Util());
    vc.put("context", context);
    vc.put("stageVariables", new LinkedHashMap<>(asMap(request.get("stageVariables"))));

    StringWriter out = new StringWriter();
    engine.evaluate(vc, out, "template", template);
    result.put("output", out.toString());

    // The template may have replaced the maps it was given; only what is still a map is read.
    Object override = context.get("responseOverride");
    if (override instanceof Map) {
      Map<?, ?> overrideMap = (Map<?, ?>) override;
      Object status = overrideMap.get("status");
      // A number, or a string holding a whole number (`#set(... = "404")`), is a status code.
      if (status instanceof Number) {
        result.put("statusOverride", status);
      } else if (status instanceof String && ((String) status).trim().matches("-?[0-9]+")) {
        result.put("statusOverride", new java.math.BigInteger(((String) status).trim()));
      }
      Object headers = overrideMap.get("header");
      if (headers instanceof Map && !((Map<?, ?>) headers).isEmpty()) {
        Map<String, String> headerOverrides = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) headers).entrySet()) {
          headerOverrides.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
        result.put("headerOverrides", headerOverrides);
      }
    }
  }

  /** The innermost message, so engine wrappers (MethodInvocationException) do not hide the cause. */
  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @SuppressWarnings("unchecked")
  static Map<Object, Object> asMap(Object value) {
    return value instanceof Map ? (Map<Object, Object>) value : new LinkedHashMap<>();
  }

  /** A body as `$input.path('$')` sees it: an empty body is an empty map, anything else must be JSON. */
  static Object parse(String text) {
    if (text.isEmpty()) {
      return new LinkedHashMap<String, Object>();
    }
    try {
      return JSON.readValue(text, Object.class);
    } catch (Exception e) {
      throw new IllegalArgumentException("Invalid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates the JSONPath subset of the model: `$` followed by any chain of `.name`,
   * `['name']` and `[index]`. A step that does not apply (missing key, index out of range,
   * wrong container) gives null; any other syntax throws.
   */
  static Object select(Object root, String path) {
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("Unsupported JSONPath: " + path);
    }
    Object current = root;
    int i = 1;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < n && isNameChar(path.charAt(i))) {
          i++;
        }
        if (i == start) {
          throw new IllegalArgumentException("Unsupported JSONPath: " + path);
        }
        current = member(current, path.substring(start, i));
      } else if (c == '[' && i + 1 < n && path.charAt(i + 1) == '\'') {
        int start = i + 2;
        int end = path.indexOf('\'', start);
        if (end < 0 || end + 1 >= n || path.charAt(end + 1) != ']') {
          throw new IllegalArgumentException("Unsupported JSONPath: " + path);
        }
        current = member(current, path.substring(start, end));
        i = end + 2;
      } else if (c == '[') {
        int start = ++i;
        while (i < n && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
          i++;
        }
        if (i == start || i >= n || path.charAt(i) != ']' || i - start > 9) {
          throw new IllegalArgumentException("Unsupported JSONPath: " + path);
        }
        int index = Integer.parseInt(path.substring(start, i));
        i++;
        current = current instanceof List && index < ((List<?>) current).size() ? ((List<?>) current).get(index) : null;
      } else {
        throw new IllegalArgumentException("Unsupported JSONPath: " + path);
      }
    }
    return current;
  }

  /** Characters of a `.name` step: anything but the path's own punctuation, wildcards and white space. */
  static boolean isNameChar(char c) {
    return c != '.' && c != '[' && c != ']' && c != '\'' && c != '*' && !Character.isWhitespace(c);
  }

  static Object member(Object container, String name) {
    return container instanceof Map ? ((Map<?, ?>) container).get(name) : null;
  }

  /** `$input`. */
  public static final class Input {
    private final String body;
    private final Map<String, Object> params;
    private final Map<Object, Object> path;
    private final Map<Object, Object> querystring;
    private final Map<String, Object> header;

    Input(String body, Map<Object, Object> path, Map<Object, Object> querystring, Map<Object, Object> header) {
      this.body = body;
      this.path = new LinkedHashMap<>(path);
      this.querystring = new LinkedHashMap<>(querystring);
      this.header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Map.Entry<Object, Object> e : header.entrySet()) {
        this.header.put(String.valueOf(e.getKey()), e.getValue());
      }
      this.params = new LinkedHashMap<>();
      this.params.put("path", this.path);
      this.params.put("querystring", this.querystring);
      this.params.put("header", this.header);
    }

    public String getBody() {
      return body;
    }

    public Object path(String jsonPath) {
      if (jsonPath == null) {
        return null;
      }
      return select(parse(body), jsonPath);
    }

    public String json(String jsonPath) throws Exception {
      if (jsonPath == null) {
        return null;
      }
      Object value = select(parse(body), jsonPath);
      return value == null ? "" : JSON.writeValueAsString(value);
    }

    public Map<String, Object> params() {
      return params;
    }

    public Object params(String name) {
      if (name == null) {
        return null;
      }
      if (path.containsKey(name)) {
        return path.get(name);
      }
      if (querystring.containsKey(name)) {
        return querystring.get(name);
      }
      if (header.containsKey(name)) {
        return header.get(name);
      }
      return "";
    }
  }

  /**
   * `$util`. Every function takes a String: Velocity finds no method for any other argument,
   * and a null argument gives null, so in both cases the reference stays as written.
   */
  public static final class Util {
    public String escapeJavaScript(String s) {
      return s == null ? null : StringEscapeUtils.escapeJavaScript(s);
    }

    public String urlEncode(String s) throws Exception {
      return s == null ? null : URLEncoder.encode(s, "UTF-8");
    }

    public String urlDecode(String s) throws Exception {
      return s == null ? null : URLDecoder.decode(s, "UTF-8");
    }

    public String base64Encode(String s) {
      return s == null ? null : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    public String base64Decode(String s) {
      return s == null ? null : new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    public Object parseJson(String s) {
      return s == null ? null : parse(s);
    }
  }
}
