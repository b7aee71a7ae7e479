/**
 * Small building blocks every module may use: batch JDBC inserts for bulk loads. Depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.nextbox.shared;
