# generated — do not edit: compiled from forms/first_run.ui by build_scripts/compile_forms.py
# source-sha256: 3b8aa91ab82d2417d9788f89f4fe2850e01d5f0b7042693c55a2ea473ab7cb3f
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpacerItem,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

class Ui_FirstRunWizard(object):
    def setupUi(self, FirstRunWizard):
        if not FirstRunWizard.objectName():
            FirstRunWizard.setObjectName(u"FirstRunWizard")
        FirstRunWizard.resize(700, 560)
        FirstRunWizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        FirstRunWizard.setOptions(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.pageStart = QWizardPage()
        self.pageStart.setObjectName(u"pageStart")
        self.startLayout = QVBoxLayout(self.pageStart)
        self.startLayout.setObjectName(u"startLayout")
        self.rbPlan = QRadioButton(self.pageStart)
        self.rbPlan.setObjectName(u"rbPlan")
        self.rbPlan.setChecked(True)

        self.startLayout.addWidget(self.rbPlan)

        self.planLayout = QFormLayout()
        self.planLayout.setObjectName(u"planLayout")
        self.planLayout.setContentsMargins(24, -1, -1, -1)
        self.lblPlan = QLabel(self.pageStart)
        self.lblPlan.setObjectName(u"lblPlan")

        self.planLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lblPlan)

        self.planCombo = QComboBox(self.pageStart)
        self.planCombo.setObjectName(u"planCombo")

        self.planLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.planCombo)

        self.lblPlanInfo = QLabel(self.pageStart)
        self.lblPlanInfo.setObjectName(u"lblPlanInfo")
        self.lblPlanInfo.setWordWrap(True)

        self.planLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.lblPlanInfo)


        self.startLayout.addLayout(self.planLayout)

        self.rbOpen = QRadioButton(self.pageStart)
        self.rbOpen.setObjectName(u"rbOpen")

        self.startLayout.addWidget(self.rbOpen)

        self.openLayout = QHBoxLayout()
        self.openLayout.setObjectName(u"openLayout")
        self.openLayout.setContentsMargins(24, -1, -1, -1)
        self.openPathEdit = QLineEdit(self.pageStart)
        self.openPathEdit.setObjectName(u"openPathEdit")
        self.openPathEdit.setEnabled(False)

        self.openLayout.addWidget(self.openPathEdit)

        self.btnBrowseOpen = QPushButton(self.pageStart)
        self.btnBrowseOpen.setObjectName(u"btnBrowseOpen")
        self.btnBrowseOpen.setEnabled(False)

        self.openLayout.addWidget(self.btnBrowseOpen)


        self.startLayout.addLayout(self.openLayout)

        self.rbDemo = QRadioButton(self.pageStart)
        self.rbDemo.setObjectName(u"rbDemo")

        self.startLayout.addWidget(self.rbDemo)

        self.startSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.startLayout.addItem(self.startSpacer)

        FirstRunWizard.addPage(self.pageStart)
        self.pageOffice = QWizardPage()
        self.pageOffice.setObjectName(u"pageOffice")
        self.officeLayout = QVBoxLayout(self.pageOffice)
        self.officeLayout.setObjectName(u"officeLayout")
        self.officeHost = QWidget(self.pageOffice)
        self.officeHost.setObjectName(u"officeHost")
        self.officeHostLayout = QVBoxLayout(self.officeHost)
        self.officeHostLayout.setObjectName(u"officeHostLayout")
        self.officeHostLayout.setContentsMargins(0, 0, 0, 0)

        self.officeLayout.addWidget(self.officeHost)

        self.lblOfficeError = QLabel(self.pageOffice)
        self.lblOfficeError.setObjectName(u"lblOfficeError")
        self.lblOfficeError.setWordWrap(True)

        self.officeLayout.addWidget(self.lblOfficeError)

        FirstRunWizard.addPage(self.pageOffice)
        self.pageUnits = QWizardPage()
        self.pageUnits.setObjectName(u"pageUnits")
        self.unitsLayout = QVBoxLayout(self.pageUnits)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.unitsTable = QTableWidget(self.pageUnits)
        self.unitsTable.setObjectName(u"unitsTable")
        self.unitsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitsTable.setAlternatingRowColors(True)
        self.unitsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitsTable.horizontalHeader().setStretchLastSection(True)
        self.unitsTable.verticalHeader().setVisible(False)

        self.unitsLayout.addWidget(self.unitsTable)

        self.lblUnitsCount = QLabel(self.pageUnits)
        self.lblUnitsCount.setObjectName(u"lblUnitsCount")

        self.unitsLayout.addWidget(self.lblUnitsCount)

        FirstRunWizard.addPage(self.pageUnits)
        self.pageSave = QWizardPage()
        self.pageSave.setObjectName(u"pageSave")
        self.saveLayout = QVBoxLayout(self.pageSave)
        self.saveLayout.setObjectName(u"saveLayout")
        self.lblPath = QLabel(self.pageSave)
        self.lblPath.setObjectName(u"lblPath")

        self.saveLayout.addWidget(self.lblPath)

        self.pathLayout = QHBoxLayout()
        self.pathLayout.setObjectName(u"pathLayout")
        self.savePathEdit = QLineEdit(self.pageSave)
        self.savePathEdit.setObjectName(u"savePathEdit")

        self.pathLayout.addWidget(self.savePathEdit)

        self.btnBrowseSave = QPushButton(self.pageSave)
        self.btnBrowseSave.setObjectName(u"btnBrowseSave")

        self.pathLayout.addWidget(self.btnBrowseSave)


        self.saveLayout.addLayout(self.pathLayout)

        self.lblSummary = QLabel(self.pageSave)
        self.lblSummary.setObjectName(u"lblSummary")
        self.lblSummary.setWordWrap(True)

        self.saveLayout.addWidget(self.lblSummary)

        self.lblStaff = QLabel(self.pageSave)
        self.lblStaff.setObjectName(u"lblStaff")

        self.saveLayout.addWidget(self.lblStaff)

        self.staffNameEdit = QLineEdit(self.pageSave)
        self.staffNameEdit.setObjectName(u"staffNameEdit")

        self.saveLayout.addWidget(self.staffNameEdit)

        self.lblSaveError = QLabel(self.pageSave)
        self.lblSaveError.setObjectName(u"lblSaveError")
        self.lblSaveError.setWordWrap(True)

        self.saveLayout.addWidget(self.lblSaveError)

        self.progress = QProgressBar(self.pageSave)
        self.progress.setObjectName(u"progress")
        self.progress.setVisible(False)
        self.progress.setMaximum(0)
        self.progress.setTextVisible(False)

        self.saveLayout.addWidget(self.progress)

        self.saveSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.saveLayout.addItem(self.saveSpacer)

        FirstRunWizard.addPage(self.pageSave)
#if QT_CONFIG(shortcut)
        self.lblPlan.setBuddy(self.planCombo)
        self.lblPath.setBuddy(self.savePathEdit)
        self.lblStaff.setBuddy(self.staffNameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rbPlan, self.planCombo)
        QWidget.setTabOrder(self.planCombo, self.rbOpen)
        QWidget.setTabOrder(self.rbOpen, self.openPathEdit)
        QWidget.setTabOrder(self.openPathEdit, self.btnBrowseOpen)
        QWidget.setTabOrder(self.btnBrowseOpen, self.rbDemo)
        QWidget.setTabOrder(self.rbDemo, self.unitsTable)
        QWidget.setTabOrder(self.unitsTable, self.savePathEdit)
        QWidget.setTabOrder(self.savePathEdit, self.btnBrowseSave)
        QWidget.setTabOrder(self.btnBrowseSave, self.staffNameEdit)

        self.retranslateUi(FirstRunWizard)
    # setupUi

    def retranslateUi(self, FirstRunWizard):
        FirstRunWizard.setWindowTitle(QCoreApplication.translate("FirstRunWizard", u"Thi\u0110ua C\u0110S \u2014 B\u1eaft \u0111\u1ea7u", None))
        self.pageStart.setTitle(QCoreApplication.translate("FirstRunWizard", u"Ch\u00e0o m\u1eebng \u0111\u1ebfn v\u1edbi Thi\u0110ua C\u0110S", None))
        self.pageStart.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"Ch\u01b0\u01a1ng tr\u00ecnh qu\u1ea3n l\u00fd Phong tr\u00e0o thi \u0111ua \u201cChuy\u1ec3n \u0111\u1ed5i s\u1ed1\u201d. H\u00e3y ch\u1ecdn c\u00e1ch b\u1eaft \u0111\u1ea7u.", None))
        self.rbPlan.setText(QCoreApplication.translate("FirstRunWizard", u"T\u1ea1o c\u01a1 s\u1edf d\u1eef li\u1ec7u m\u1edb&i t\u1eeb m\u1ed9t k\u1ebf ho\u1ea1ch m\u1eabu", None))
        self.lblPlan.setText(QCoreApplication.translate("FirstRunWizard", u"&K\u1ebf ho\u1ea1ch:", None))
        self.lblPlanInfo.setText("")
        self.rbOpen.setText(QCoreApplication.translate("FirstRunWizard", u"&M\u1edf m\u1ed9t c\u01a1 s\u1edf d\u1eef li\u1ec7u c\u00f3 s\u1eb5n", None))
#if QT_CONFIG(accessibility)
        self.openPathEdit.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"T\u1ec7p c\u01a1 s\u1edf d\u1eef li\u1ec7u c\u1ea7n m\u1edf", None))
#endif // QT_CONFIG(accessibility)
        self.btnBrowseOpen.setText(QCoreApplication.translate("FirstRunWizard", u"&Ch\u1ecdn t\u1ec7p\u2026", None))
        self.rbDemo.setText(QCoreApplication.translate("FirstRunWizard", u"T\u1ea1o c\u01a1 s\u1edf d\u1eef li\u1ec7u &d\u00f9ng th\u1eed (k\u1ebf ho\u1ea1ch Ninh S\u01a1n, 8 x\u00e3, s\u1ed1 li\u1ec7u m\u1eabu 2022-2023)", None))
        self.pageOffice.setTitle(QCoreApplication.translate("FirstRunWizard", u"Th\u00f4ng tin c\u01a1 quan", None))
        self.pageOffice.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"C\u01a1 quan t\u1ed5ng h\u1ee3p b\u00e1o c\u00e1o v\u00e0 ng\u01b0\u1eddi k\u00fd. C\u00f3 th\u1ec3 s\u1eeda sau trong menu T\u1ec7p \u203a Th\u00f4ng tin c\u01a1 quan.", None))
        self.lblOfficeError.setText("")
        self.pageUnits.setTitle(QCoreApplication.translate("FirstRunWizard", u"C\u00e1c \u0111\u01a1n v\u1ecb b\u00e1o c\u00e1o", None))
        self.pageUnits.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"Danh s\u00e1ch \u0111\u01a1n v\u1ecb c\u1ee7a k\u1ebf ho\u1ea1ch. C\u00f3 th\u1ec3 th\u00eam, s\u1eeda, s\u00e1p nh\u1eadp sau trong m\u00e0n h\u00ecnh \u0110\u01a1n v\u1ecb.", None))
#if QT_CONFIG(accessibility)
        self.unitsTable.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"C\u00e1c \u0111\u01a1n v\u1ecb c\u1ee7a k\u1ebf ho\u1ea1ch", None))
#endif // QT_CONFIG(accessibility)
        self.lblUnitsCount.setText("")
        self.pageSave.setTitle(QCoreApplication.translate("FirstRunWizard", u"N\u01a1i l\u01b0u c\u01a1 s\u1edf d\u1eef li\u1ec7u", None))
        self.pageSave.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"D\u1eef li\u1ec7u \u0111\u01b0\u1ee3c l\u01b0u trong m\u1ed9t t\u1ec7p tr\u00ean m\u00e1y n\u00e0y; b\u1ea3n sao l\u01b0u t\u1ef1 \u0111\u1ed9ng \u0111\u1eb7t c\u1ea1nh t\u1ec7p \u0111\u00f3.", None))
        self.lblPath.setText(QCoreApplication.translate("FirstRunWizard", u"T\u1ec7p c\u01a1 s\u1edf &d\u1eef li\u1ec7u:", None))
        self.btnBrowseSave.setText(QCoreApplication.translate("FirstRunWizard", u"Ch\u1ecdn &n\u01a1i l\u01b0u\u2026", None))
        self.lblSummary.setText("")
        self.lblStaff.setText(QCoreApplication.translate("FirstRunWizard", u"H\u1ecd v\u00e0 t\u00ean c\u1ee7a &b\u1ea1n (ghi v\u00e0o l\u1ecbch s\u1eed thay \u0111\u1ed5i: ai \u0111\u00e3 l\u00e0m g\u00ec):", None))
        self.staffNameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"V\u00ed d\u1ee5: Nguy\u1ec5n V\u0103n An; \u0111\u1ec3 tr\u1ed1ng th\u00ec l\u1ecbch s\u1eed ghi t\u00ean t\u00e0i kho\u1ea3n m\u00e1y t\u00ednh", None))
        self.lblSaveError.setText("")
    # retranslateUi

