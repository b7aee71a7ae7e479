/**
 * Small building blocks every module may use: batch JDBC inserts for bulk loads and a short-lived cache of
 * database reads. Depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.nextbox.shared;
