# generated — do not edit: compiled from forms/units_page.ui by build_scripts/compile_forms.py
# source-sha256: 6926a8779b6cfb560009d6b7e2cd9805b79b681fc25a4156efc6732a7ef4e742
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'units_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

class Ui_UnitsPage(object):
    def setupUi(self, UnitsPage):
        if not UnitsPage.objectName():
            UnitsPage.setObjectName(u"UnitsPage")
        UnitsPage.resize(900, 600)
        self.mainLayout = QVBoxLayout(UnitsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(UnitsPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.lblBlockFilter = QLabel(UnitsPage)
        self.lblBlockFilter.setObjectName(u"lblBlockFilter")

        self.filterLayout.addWidget(self.lblBlockFilter)

        self.blockFilter = QComboBox(UnitsPage)
        self.blockFilter.setObjectName(u"blockFilter")

        self.filterLayout.addWidget(self.blockFilter)

        self.chkShowInactive = QCheckBox(UnitsPage)
        self.chkShowInactive.setObjectName(u"chkShowInactive")
        self.chkShowInactive.setChecked(True)

        self.filterLayout.addWidget(self.chkShowInactive)


        self.mainLayout.addLayout(self.filterLayout)

        self.unitsTable = QTableView(UnitsPage)
        self.unitsTable.setObjectName(u"unitsTable")
        self.unitsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitsTable.setAlternatingRowColors(True)
        self.unitsTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.unitsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitsTable.setSortingEnabled(True)
        self.unitsTable.setWordWrap(False)
        self.unitsTable.horizontalHeader().setStretchLastSection(True)
        self.unitsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.unitsTable)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.btnAdd = QPushButton(UnitsPage)
        self.btnAdd.setObjectName(u"btnAdd")

        self.buttonsLayout.addWidget(self.btnAdd)

        self.btnEdit = QPushButton(UnitsPage)
        self.btnEdit.setObjectName(u"btnEdit")

        self.buttonsLayout.addWidget(self.btnEdit)

        self.btnDeactivate = QPushButton(UnitsPage)
        self.btnDeactivate.setObjectName(u"btnDeactivate")

        self.buttonsLayout.addWidget(self.btnDeactivate)

        self.btnReactivate = QPushButton(UnitsPage)
        self.btnReactivate.setObjectName(u"btnReactivate")

        self.buttonsLayout.addWidget(self.btnReactivate)

        self.btnMerge = QPushButton(UnitsPage)
        self.btnMerge.setObjectName(u"btnMerge")

        self.buttonsLayout.addWidget(self.btnMerge)

        self.btnBlocks = QPushButton(UnitsPage)
        self.btnBlocks.setObjectName(u"btnBlocks")

        self.buttonsLayout.addWidget(self.btnBlocks)

        self.btnImportList = QPushButton(UnitsPage)
        self.btnImportList.setObjectName(u"btnImportList")

        self.buttonsLayout.addWidget(self.btnImportList)

        self.btnExportList = QPushButton(UnitsPage)
        self.btnExportList.setObjectName(u"btnExportList")

        self.buttonsLayout.addWidget(self.btnExportList)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.lblCount = QLabel(UnitsPage)
        self.lblCount.setObjectName(u"lblCount")

        self.buttonsLayout.addWidget(self.lblCount)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.lblBlockFilter.setBuddy(self.blockFilter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.blockFilter)
        QWidget.setTabOrder(self.blockFilter, self.chkShowInactive)
        QWidget.setTabOrder(self.chkShowInactive, self.unitsTable)
        QWidget.setTabOrder(self.unitsTable, self.btnAdd)
        QWidget.setTabOrder(self.btnAdd, self.btnEdit)
        QWidget.setTabOrder(self.btnEdit, self.btnDeactivate)
        QWidget.setTabOrder(self.btnDeactivate, self.btnReactivate)
        QWidget.setTabOrder(self.btnReactivate, self.btnMerge)
        QWidget.setTabOrder(self.btnMerge, self.btnBlocks)

        self.retranslateUi(UnitsPage)
    # setupUi

    def retranslateUi(self, UnitsPage):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("UnitsPage", u"T\u00ecm theo m\u00e3 ho\u1eb7c t\u00ean \u0111\u01a1n v\u1ecb (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("UnitsPage", u"T\u00ecm \u0111\u01a1n v\u1ecb", None))
#endif // QT_CONFIG(accessibility)
        self.lblBlockFilter.setText(QCoreApplication.translate("UnitsPage", u"Ch\u1ec9 hi\u1ec7n kh\u1ed1&i:", None))
        self.chkShowInactive.setText(QCoreApplication.translate("UnitsPage", u"&Hi\u1ec7n c\u1ea3 \u0111\u01a1n v\u1ecb \u0111\u00e3 ng\u1eebng ho\u1ea1t \u0111\u1ed9ng", None))
#if QT_CONFIG(accessibility)
        self.unitsTable.setAccessibleName(QCoreApplication.translate("UnitsPage", u"Danh s\u00e1ch \u0111\u01a1n v\u1ecb", None))
#endif // QT_CONFIG(accessibility)
        self.btnAdd.setText(QCoreApplication.translate("UnitsPage", u"Th\u00ea&m \u0111\u01a1n v\u1ecb\u2026", None))
        self.btnEdit.setText(QCoreApplication.translate("UnitsPage", u"&Ch\u1ec9nh s\u1eeda\u2026", None))
        self.btnDeactivate.setText(QCoreApplication.translate("UnitsPage", u"&Ng\u1eebng ho\u1ea1t \u0111\u1ed9ng\u2026", None))
        self.btnReactivate.setText(QCoreApplication.translate("UnitsPage", u"Ho\u1ea1t \u0111\u1ed9ng &l\u1ea1i", None))
        self.btnMerge.setText(QCoreApplication.translate("UnitsPage", u"S\u00e1p nh\u1ead&p\u2026", None))
        self.btnBlocks.setText(QCoreApplication.translate("UnitsPage", u"Kh\u1ed1i thi \u0111u&a\u2026", None))
#if QT_CONFIG(tooltip)
        self.btnImportList.setToolTip(QCoreApplication.translate("UnitsPage", u"Nh\u1eadp danh s\u00e1ch \u0111\u01a1n v\u1ecb t\u1eeb t\u1ec7p Excel (.xlsx) ho\u1eb7c CSV: M\u00e3, T\u00ean \u0111\u01a1n v\u1ecb, Lo\u1ea1i, Kh\u1ed1i, Ho\u1ea1t \u0111\u1ed9ng t\u1eeb, Ho\u1ea1t \u0111\u1ed9ng \u0111\u1ebfn, S\u00e1p nh\u1eadp v\u00e0o, \u0110\u1ed5i t\u00ean t\u1eeb", None))
#endif // QT_CONFIG(tooltip)
        self.btnImportList.setText(QCoreApplication.translate("UnitsPage", u"Nh\u1eadp danh &s\u00e1ch\u2026", None))
#if QT_CONFIG(tooltip)
        self.btnExportList.setToolTip(QCoreApplication.translate("UnitsPage", u"Xu\u1ea5t danh s\u00e1ch \u0111\u01a1n v\u1ecb ra t\u1ec7p Excel (.xlsx) ho\u1eb7c CSV", None))
#endif // QT_CONFIG(tooltip)
        self.btnExportList.setText(QCoreApplication.translate("UnitsPage", u"&Xu\u1ea5t danh s\u00e1ch\u2026", None))
        self.lblCount.setText("")
        pass
    # retranslateUi

