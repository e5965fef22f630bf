package cn.tuoyu.identity;

import cn.tuoyu.identity.AccessPolicy.Grant;
import java.util.List;

/**
 * Grants a business area adds to the access policy, e.g. which department may start its process.
 * Business packages implement it as a Spring bean, so identity never depends on them.
 */
public interface AccessContribution {

  List<Grant> grants();
}
