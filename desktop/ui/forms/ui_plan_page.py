# generated — do not edit: compiled from forms/plan_page.ui by build_scripts/compile_forms.py
# source-sha256: 28e4140ce24bd540762f5ced124874b938a682127922ee9574c7d214df259f69
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

class Ui_PlanPage(object):
    def setupUi(self, PlanPage):
        if not PlanPage.objectName():
            PlanPage.setObjectName(u"PlanPage")
        PlanPage.resize(900, 600)
        self.mainLayout = QVBoxLayout(PlanPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lblPlanTitle = QLabel(PlanPage)
        self.lblPlanTitle.setObjectName(u"lblPlanTitle")
        self.lblPlanTitle.setWordWrap(True)

        self.mainLayout.addWidget(self.lblPlanTitle)

        self.lblPlanSource = QLabel(PlanPage)
        self.lblPlanSource.setObjectName(u"lblPlanSource")
        self.lblPlanSource.setWordWrap(True)

        self.mainLayout.addWidget(self.lblPlanSource)

        self.tabs = QTabWidget(PlanPage)
        self.tabs.setObjectName(u"tabs")
        self.tabCriteria = QWidget()
        self.tabCriteria.setObjectName(u"tabCriteria")
        self.criteriaLayout = QVBoxLayout(self.tabCriteria)
        self.criteriaLayout.setObjectName(u"criteriaLayout")
        self.criteriaTable = QTableView(self.tabCriteria)
        self.criteriaTable.setObjectName(u"criteriaTable")
        self.criteriaTable.setAlternatingRowColors(True)
        self.criteriaTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteriaTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.criteriaTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.criteriaTable.setWordWrap(False)
        self.criteriaTable.horizontalHeader().setStretchLastSection(True)
        self.criteriaTable.verticalHeader().setVisible(False)

        self.criteriaLayout.addWidget(self.criteriaTable)

        self.lblCriteriaHint = QLabel(self.tabCriteria)
        self.lblCriteriaHint.setObjectName(u"lblCriteriaHint")
        self.lblCriteriaHint.setWordWrap(True)

        self.criteriaLayout.addWidget(self.lblCriteriaHint)

        self.tabs.addTab(self.tabCriteria, "")
        self.tabIndicators = QWidget()
        self.tabIndicators.setObjectName(u"tabIndicators")
        self.indicatorsLayout = QVBoxLayout(self.tabIndicators)
        self.indicatorsLayout.setObjectName(u"indicatorsLayout")
        self.indicatorsTable = QTableView(self.tabIndicators)
        self.indicatorsTable.setObjectName(u"indicatorsTable")
        self.indicatorsTable.setAlternatingRowColors(True)
        self.indicatorsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indicatorsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.indicatorsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicatorsTable.setWordWrap(False)
        self.indicatorsTable.horizontalHeader().setStretchLastSection(True)
        self.indicatorsTable.verticalHeader().setVisible(False)

        self.indicatorsLayout.addWidget(self.indicatorsTable)

        self.tabs.addTab(self.tabIndicators, "")
        self.tabPeriods = QWidget()
        self.tabPeriods.setObjectName(u"tabPeriods")
        self.periodsLayout = QVBoxLayout(self.tabPeriods)
        self.periodsLayout.setObjectName(u"periodsLayout")
        self.periodsTable = QTableView(self.tabPeriods)
        self.periodsTable.setObjectName(u"periodsTable")
        self.periodsTable.setAlternatingRowColors(True)
        self.periodsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.periodsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.periodsTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.periodsTable.setWordWrap(False)
        self.periodsTable.horizontalHeader().setStretchLastSection(True)
        self.periodsTable.verticalHeader().setVisible(False)

        self.periodsLayout.addWidget(self.periodsTable)

        self.tabs.addTab(self.tabPeriods, "")
        self.tabQuotas = QWidget()
        self.tabQuotas.setObjectName(u"tabQuotas")
        self.quotasLayout = QVBoxLayout(self.tabQuotas)
        self.quotasLayout.setObjectName(u"quotasLayout")
        self.quotasTable = QTableView(self.tabQuotas)
        self.quotasTable.setObjectName(u"quotasTable")
        self.quotasTable.setAlternatingRowColors(True)
        self.quotasTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quotasTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.quotasTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.quotasTable.setWordWrap(False)
        self.quotasTable.horizontalHeader().setStretchLastSection(True)
        self.quotasTable.verticalHeader().setVisible(False)

        self.quotasLayout.addWidget(self.quotasTable)

        self.tabs.addTab(self.tabQuotas, "")

        self.mainLayout.addWidget(self.tabs)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.lblStatus = QLabel(PlanPage)
        self.lblStatus.setObjectName(u"lblStatus")
        self.lblStatus.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.lblStatus.sizePolicy().hasHeightForWidth())
        self.lblStatus.setSizePolicy(sizePolicy)

        self.buttonsLayout.addWidget(self.lblStatus)

        self.btnRevert = QPushButton(PlanPage)
        self.btnRevert.setObjectName(u"btnRevert")

        self.buttonsLayout.addWidget(self.btnRevert)

        self.btnSave = QPushButton(PlanPage)
        self.btnSave.setObjectName(u"btnSave")

        self.buttonsLayout.addWidget(self.btnSave)


        self.mainLayout.addLayout(self.buttonsLayout)

        QWidget.setTabOrder(self.tabs, self.criteriaTable)
        QWidget.setTabOrder(self.criteriaTable, self.indicatorsTable)
        QWidget.setTabOrder(self.indicatorsTable, self.periodsTable)
        QWidget.setTabOrder(self.periodsTable, self.quotasTable)
        QWidget.setTabOrder(self.quotasTable, self.btnRevert)
        QWidget.setTabOrder(self.btnRevert, self.btnSave)

        self.retranslateUi(PlanPage)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, PlanPage):
        self.lblPlanTitle.setText("")
        self.lblPlanSource.setText("")
#if QT_CONFIG(accessibility)
        self.criteriaTable.setAccessibleName(QCoreApplication.translate("PlanPage", u"Ti\u00eau ch\u00ed thi \u0111ua", None))
#endif // QT_CONFIG(accessibility)
        self.lblCriteriaHint.setText(QCoreApplication.translate("PlanPage", u"S\u1eeda ng\u01b0\u1ee1ng: ch\u1ecdn \u00f4 \u1edf c\u1ed9t Ng\u01b0\u1ee1ng r\u1ed3i nh\u1ea5n F2 ho\u1eb7c g\u00f5 s\u1ed1 (d\u1ea5u ph\u1ea9y th\u1eadp ph\u00e2n, v\u00ed d\u1ee5 65,5); v\u1edbi ti\u00eau ch\u00ed v\u1ec1 ng\u00e0y, g\u00f5 ng\u00e0y d\u1ea1ng dd/mm/yyyy. C\u1ed9t C\u0103n c\u1ee9 l\u00e0 \u0111i\u1ec1u, kho\u1ea3n c\u1ee7a k\u1ebf ho\u1ea1ch.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.tabCriteria), QCoreApplication.translate("PlanPage", u"Ti\u00eau &ch\u00ed thi \u0111ua", None))
#if QT_CONFIG(accessibility)
        self.indicatorsTable.setAccessibleName(QCoreApplication.translate("PlanPage", u"Ch\u1ec9 ti\u00eau", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.tabIndicators), QCoreApplication.translate("PlanPage", u"Ch\u1ec9 ti\u00ea&u", None))
#if QT_CONFIG(accessibility)
        self.periodsTable.setAccessibleName(QCoreApplication.translate("PlanPage", u"K\u1ef3 b\u00e1o c\u00e1o", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.tabPeriods), QCoreApplication.translate("PlanPage", u"K\u1ef3 b\u00e1o c\u00e1&o", None))
#if QT_CONFIG(accessibility)
        self.quotasTable.setAccessibleName(QCoreApplication.translate("PlanPage", u"H\u1ea1n m\u1ee9c khen th\u01b0\u1edfng", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.tabQuotas), QCoreApplication.translate("PlanPage", u"H\u1ea1n &m\u1ee9c khen th\u01b0\u1edfng", None))
        self.lblStatus.setText("")
        self.btnRevert.setText(QCoreApplication.translate("PlanPage", u"&Ho\u00e0n t\u00e1c", None))
        self.btnSave.setText(QCoreApplication.translate("PlanPage", u"&L\u01b0u k\u1ebf ho\u1ea1ch", None))
        pass
    # retranslateUi

