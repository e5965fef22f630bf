package cn.tuoyu.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * The engine test registers the beans under the names the model uses; this checks that the
 * application's beans carry those names too, so the deployed model finds them.
 */
class ClosureDelegatesTest {

  @Test
  void everyDelegateAndListenerOfTheModelIsABeanOfClosureDelegates() throws IOException {
    String model = Files.readString(Path.of("processes", "closure", "ClosureProcess.bpmn"));
    Matcher m = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(model);
    Set<String> referenced = new TreeSet<>();
    while (m.find()) {
      referenced.add(m.group(1));
    }
    Set<String> beans = Arrays.stream(ClosureDelegates.class.getDeclaredMethods())
        .filter(method -> method.isAnnotationPresent(Bean.class))
        .filter(method -> method.getReturnType() == JavaDelegate.class || method.getReturnType() == TaskListener.class)
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(referenced).isNotEmpty();
    // startClosureDelegate is referenced by AnnualInspectionProcess, not by this model
    assertThat(beans).containsExactlyInAnyOrderElementsOf(union(referenced, "startClosureDelegate"));
  }

  @Test
  void theMultiInstanceCollectionIsTheClosureServiceBean() throws IOException {
    String model = Files.readString(Path.of("processes", "closure", "ClosureProcess.bpmn"));
    assertThat(model).contains("camunda:collection=\"${closureService.placementDepartments()}\"");
    Service service = ClosureService.class.getAnnotation(Service.class);
    assertThat(service).isNotNull();
    // default bean name of @Service without a value: the decapitalised class name
    assertThat(service.value()).isEmpty();
    assertThat(ClosureService.class.getSimpleName()).isEqualTo("ClosureService");
  }

  private static Set<String> union(Set<String> names, String extra) {
    Set<String> all = new TreeSet<>(names);
    all.add(extra);
    return all;
  }
}
