package cn.tuoyu.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level folders {@code processes/<area>/} and {@code forms/<area>/} at start, one
 * deployment per business area named {@value #DEPLOYMENT_PREFIX}{@code <area>}.
 *
 * <p>Unchanged areas create nothing (the engine compares each resource with the area's last
 * deployment). When any file of an area changes, the whole area is deployed again, so its forms
 * always sit in the same deployment as its processes: models bind forms with
 * {@code formRefBinding="deployment"}, and a running task keeps the form of its own version.
 */
@Component
public class ModelDeployer {

  public static final String DEPLOYMENT_PREFIX = "tuoyu-";
  static final List<String> MODEL_PATTERNS = List.of("processes/*/*.bpmn", "processes/*/*.dmn", "forms/*/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repository;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public ModelDeployer(RepositoryService repository) {
    this.repository = repository;
  }

  /**
   * @param location base location holding {@code processes/} and {@code forms/}, e.g.
   *     {@code classpath*:} or {@code file:/srv/models/}; a missing folder deploys nothing
   * @return the deployments that were created (empty when nothing changed)
   */
  public List<Deployment> deployChanged(String location) {
    String base = location.endsWith("/") || location.endsWith(":") ? location : location + "/";
    Map<String, Map<String, Resource>> byArea = new TreeMap<>();
    for (String pattern : MODEL_PATTERNS) {
      for (Resource resource : find(base + pattern)) {
        String area = areaOf(resource);
        // Resource names are "<folder>/<area>/<file>", the same on every machine and in the jar.
        String folder = pattern.substring(0, pattern.indexOf('/'));
        String name = folder + "/" + area + "/" + resource.getFilename();
        byArea.computeIfAbsent(area, a -> new TreeMap<>()).put(name, resource);
      }
    }
    List<Deployment> created = new ArrayList<>();
    byArea.forEach((area, resources) -> {
      String name = DEPLOYMENT_PREFIX + area;
      String previousId = latestDeploymentId(name);
      DeploymentBuilder builder = repository.createDeployment()
          .name(name)
          .source("tuoyu-model-folders")
          .enableDuplicateFiltering(false);
      resources.forEach((resourceName, resource) -> builder.addInputStream(resourceName, read(resource)));
      // When nothing changed the engine hands back the area's previous deployment instead of a new one.
      Deployment deployment = builder.deployWithResult();
      if (deployment.getId().equals(previousId)) {
        LOG.info("Area '{}' unchanged ({} files), nothing deployed", area, resources.size());
      } else {
        LOG.info("Deployed area '{}' ({} files) as deployment {}", area, resources.size(), deployment.getId());
        created.add(deployment);
      }
    });
    return created;
  }

  private String latestDeploymentId(String name) {
    List<Deployment> latest = repository.createDeploymentQuery().deploymentName(name)
        .orderByDeploymentTime().desc().listPage(0, 1);
    return latest.isEmpty() ? null : latest.get(0).getId();
  }

  private Resource[] find(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("模型目录无法读取：" + pattern, e);
    }
  }

  private static String areaOf(Resource resource) {
    try {
      String path = resource.getURL().getPath();
      String parent = path.substring(0, path.lastIndexOf('/'));
      return parent.substring(parent.lastIndexOf('/') + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream read(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("模型文件无法读取：" + resource.getDescription(), e);
    }
  }
}
